import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository that holds `start`: the nearest folder, `start` included,
 * with a `.git` entry (a folder, or the file of a worktree or submodule).
 * Found without running git, which CI images and sandboxes may lack.
 * Undefined when no ancestor has one.
 */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
