import { readFileSync } from 'node:fs';

/**
 * `npx tsx bench/src/profileSummary.ts <file.cpuprofile>`: self time of a V8 CPU profile by
 * package (node_modules/<name>, or the workspace folder), by function, and by the nearest
 * workspace file on the stack (library time charged to the hub's code that called it; time with
 * no workspace frame above it — event loop callbacks, GC — keeps its package) — enough to say
 * where a side spends its CPU without opening DevTools.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const file = process.argv[2];
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile>');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const selfByNode = new Map<number, number>();
profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfByNode.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string): string {
  if (!url) return '(native/idle/gc)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const m = /\/(?:work|tmp)\/[^/]+\/([^/]+(?:\/[^/]+)?)\//.exec(url);
  return m ? `workspace:${m[1]}` : url;
}

/** The workspace source file nearest the leaf on this node's stack, if any. */
function workspaceCaller(id: number): string | undefined {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const url = byId.get(at)!.callFrame.url;
    if (url && !url.includes('node_modules/') && !url.startsWith('node:')) {
      const m = /\/(?:work|tmp)\/[^/]+\/(.+)$/.exec(url.replace(/^file:\/\//, ''));
      if (m) return m[1];
    }
  }
  return undefined;
}

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
const byCaller = new Map<string, number>();
const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
for (const [id, us] of selfByNode) {
  const n = byId.get(id)!;
  const pkg = packageOf(n.callFrame.url);
  add(byPackage, pkg, us);
  add(byFunction, `${n.callFrame.functionName || '(anonymous)'} ${pkg}:${n.callFrame.lineNumber + 1}`, us);
  add(byCaller, workspaceCaller(id) ?? `(no workspace frame) ${pkg}`, us);
}
const top = (m: Map<string, number>, k: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
process.stdout.write(
  `total ${(total / 1e6).toFixed(1)} s sampled\n\nby package\n${top(byPackage, 20)}\n\nby function\n${top(byFunction, 25)}\n\nby nearest workspace file\n${top(byCaller, 30)}\n`,
);
