import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('bench/ablations.patch', () => {
  // The ablation is how RESULTS.md splits the hub's cost; a patch that no longer applies to the
  // code it describes fails here, not in the hands of the next person who measures.
  it('applies to the code as it is', () => {
    expect(() => execFileSync('git', ['apply', '--check', 'bench/ablations.patch'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
