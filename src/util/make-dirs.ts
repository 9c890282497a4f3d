/**
 * `mkdir -p` that always ends. Node's `mkdirSync(dir, { recursive: true })`
 * retries forever under /proc (measured: `/proc/x/y` spins at 100% CPU), so
 * a cache location there hung the scan; this walks up to the nearest
 * existing folder once, then creates each missing level once.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Creates `dir` and its missing parents (the new ones with `mode`); throws the first error, like mkdirSync. */
export function makeDirs(dir: string, mode = 0o777): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
