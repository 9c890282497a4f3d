/**
 * A stand-in for src/analysis/analyze-source.ts that misbehaves on purpose,
 * driven by markers in a file's text, so pool tests can kill real workers:
 * THROW → the analysis throws; EXIT → the worker thread exits;
 * OOM → the worker allocates until it hits its resourceLimits.
 * Anything else gets trivial, deterministic facts.
 */
import type { AnalysisOptions } from '../../../src/config/options.js';
import type { FileFacts } from '../../../src/types.js';

function facts(text: string): FileFacts {
  const lines = text.split('\n').length;
  return { lines, code: lines, comment: 0, blank: 0, functions: [], imports: [], exports: [], observations: [] };
}

export async function loadSourceAnalyzer(): Promise<(path: string, text: string, options: AnalysisOptions) => FileFacts> {
  return (path, text) => {
    if (text.includes('THROW')) throw new Error(`cannot analyze ${path}`);
    if (text.includes('EXIT')) process.exit(3);
    if (text.includes('OOM')) {
      const hog: string[][] = [];
      for (;;) hog.push(new Array(100_000).fill(path));
    }
    return facts(text);
  };
}
