import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `files` (relative path → content) into a fresh temporary directory and returns its path. */
export function makeTempTree(files: Readonly<Record<string, string | Buffer>>, prefix = 'sonde-test-'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** The repository root (tests run from dist/test/…). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');
