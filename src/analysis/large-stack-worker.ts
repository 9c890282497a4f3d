/** Worker body for analyzeWithLargeStack: analyze workerData's file, post the facts. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisOptions } from '../config/options.js';
import { loadSourceAnalyzer } from './analyze-source.js';

const input = workerData as { path: string; text: string; options: AnalysisOptions };
const analyze = await loadSourceAnalyzer();
try {
  parentPort!.postMessage({ facts: analyze(input.path, input.text, input.options) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
