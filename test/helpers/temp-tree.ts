import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const created = new Set<string>();
process.on('exit', () => {
  for (const dir of created) removeTree(dir);
});

/**
 * A fresh temporary directory, removed when the test process exits if the
 * test has not removed it (removeTree) before. `npm test` also puts every
 * one under a folder of its own run (TMPDIR), removed at the end.
 */
export function makeTempDir(prefix = 'sonde-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Writes `files` (relative path → content) into a fresh temporary directory and returns its path. */
export function makeTempTree(files: Readonly<Record<string, string | Buffer>>, prefix = 'sonde-test-'): string {
  const root = makeTempDir(prefix);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export function removeTree(root: string): void {
  created.delete(root);
  try {
    rmSync(root, { recursive: true, force: true });
  } catch {
    // e.g. a folder a permission test left unreadable, as a non-root user
  }
}

/** The repository root (tests run from dist/test/…). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');

/**
 * For a `describe` block: a maker of temporary trees (as makeTempTree), each
 * removed after the block's tests have run.
 */
export function suiteTrees(prefix?: string): (files: Readonly<Record<string, string | Buffer>>) => string {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));
  return (files) => {
    const root = makeTempTree(files, prefix);
    roots.push(root);
    return root;
  };
}
