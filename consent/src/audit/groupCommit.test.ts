import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './groupCommit.ts';

/** A commit that records each group it was given and waits until the test lets it finish. */
function gatedCommit<T>() {
  const groups: T[][] = [];
  const gates: { open: () => void; fail: (e: unknown) => void }[] = [];
  const commit = (items: readonly T[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      groups.push([...items]);
      gates.push({ open: () => resolve(items.map((i) => `done:${String(i)}`)), fail: reject });
    });
  return { groups, gates, commit };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('GroupCommitter', () => {
  it('commits a lone caller on its own, and those who arrive meanwhile together in the next group', async () => {
    const { groups, gates, commit } = gatedCommit<string>();
    const committer = new GroupCommitter<string, string>({ commit });
    const a = committer.submit('a');
    await tick();
    expect(groups).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((x) => committer.submit(x));
    await tick();
    // Nothing of the second group is written while the first is in flight.
    expect(groups).toEqual([['a']]);
    gates[0]!.open();
    expect(await a).toBe('done:a');
    await tick();
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
    gates[1]!.open();
    expect(await Promise.all(rest)).toEqual(['done:b', 'done:c', 'done:d']);
    expect(committer.groups).toBe(2);
  });

  it('answers a caller only after the commit of its group', async () => {
    const { gates, commit } = gatedCommit<string>();
    const committer = new GroupCommitter<string, string>({ commit });
    let settled = false;
    const p = committer.submit('x').then(() => (settled = true));
    for (let i = 0; i < 5; i++) await tick();
    expect(settled).toBe(false);
    gates[0]!.open();
    await p;
    expect(settled).toBe(true);
  });

  it('keeps the order of submission across groups', async () => {
    const seen: number[] = [];
    const committer = new GroupCommitter<number, number>({
      commit: async (items) => {
        seen.push(...items);
        await tick();
        return items;
      },
      maxWeight: 3,
    });
    const all = Array.from({ length: 20 }, (_, i) => committer.submit(i));
    expect(await Promise.all(all)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('gives each caller its own result, never another caller’s', async () => {
    const committer = new GroupCommitter<{ caller: string; n: number }, string[]>({
      // Results are built from each item, in the items' order, as decideAndRecordGroup does.
      commit: async (items) => items.map((it) => Array.from({ length: it.n }, (_, k) => `${it.caller}#${k}`)),
    });
    const callers = Array.from({ length: 12 }, (_, i) => ({ caller: `c${i}`, n: (i % 4) + 1 }));
    const answers = await Promise.all(callers.map((c) => committer.submit(c)));
    answers.forEach((answer, i) => {
      expect(answer).toHaveLength(callers[i]!.n);
      expect(answer.every((a) => a.startsWith(`c${i}#`))).toBe(true);
    });
  });

  it('fails every member of a failed group, and only them; the next group commits', async () => {
    const { groups, gates, commit } = gatedCommit<string>();
    const committer = new GroupCommitter<string, string>({ commit });
    const first = committer.submit('a');
    await tick();
    const failing = ['b', 'c'].map((x) => committer.submit(x));
    gates[0]!.open();
    await first;
    await tick();
    expect(groups[1]).toEqual(['b', 'c']);
    const later = committer.submit('d');
    gates[1]!.fail(new Error('connection lost'));
    const outcomes = await Promise.allSettled(failing);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(['connection lost', 'connection lost']);
    await tick();
    expect(groups[2]).toEqual(['d']);
    gates[2]!.open();
    expect(await later).toBe('done:d');
  });

  it('fails the whole group when the commit answers for fewer items than it was given', async () => {
    const committer = new GroupCommitter<string, string>({ commit: async (items) => items.slice(1) });
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((x) => committer.submit(x)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
  });

  it('caps a group by weight, and lets one heavier item go alone', async () => {
    const groups: number[][] = [];
    const committer = new GroupCommitter<number, number>({
      commit: async (items) => {
        groups.push([...items]);
        return items;
      },
      weight: (n) => n,
      maxWeight: 10,
    });
    await Promise.all([4, 5, 2, 25, 3, 3, 3, 3].map((n) => committer.submit(n)));
    expect(groups).toEqual([[4, 5], [2], [25], [3, 3, 3], [3]]);
    expect(groups.every((g) => g.length === 1 || g.reduce((a, b) => a + b, 0) <= 10)).toBe(true);
  });

  it('survives a commit that throws synchronously', async () => {
    let calls = 0;
    const committer = new GroupCommitter<string, string>({
      commit: (items) => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return Promise.resolve(items);
      },
    });
    await expect(committer.submit('a')).rejects.toThrow('boom');
    expect(await committer.submit('b')).toBe('b');
  });
});
