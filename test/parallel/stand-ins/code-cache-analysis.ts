/**
 * A stand-in for src/analysis/analyze-source.ts that records the code-cache
 * protocol instead of compiling anything: each worker remembers the folder
 * it was loaded with, and saveCodeCache() leaves a `saved-<thread>` file there
 * (or, called without a folder, an `unexpected-save` file in
 * $SONDE_STAND_IN_PROBE_DIR, so a test can see that it happened).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { AnalysisOptions } from '../../../src/config/options.js';
import type { FileFacts } from '../../../src/types.js';

let codeCacheDir: string | undefined;

export async function loadSourceAnalyzer(options: { codeCacheDir?: string } = {}): Promise<(path: string, text: string, options: AnalysisOptions) => FileFacts> {
  codeCacheDir = options.codeCacheDir;
  return (_path, text) => {
    const lines = text.split('\n').length;
    return { lines, code: lines, comment: 0, blank: 0, functions: [], imports: [], exports: [], observations: [] };
  };
}

export function saveCodeCache(): number {
  if (codeCacheDir === undefined) writeFileSync(path.join(process.env.SONDE_STAND_IN_PROBE_DIR!, 'unexpected-save'), '');
  else writeFileSync(path.join(codeCacheDir, `saved-${threadId}`), '');
  return 1;
}
