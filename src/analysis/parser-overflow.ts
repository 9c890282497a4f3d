/**
 * What happens when the TypeScript parser itself runs out of stack (it is
 * recursive: ~10,000-deep nesting overflows a default 1 MB thread stack).
 * The analyzer throws ParserStackOverflowError; a caller that wants the facts
 * anyway (and identical results in every strategy) re-runs that one file with
 * analyzeWithLargeStack, in a short-lived worker thread with a 256 MB stack.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../config/options.js';
import type { FileFacts } from '../types.js';

/** Error code of ParserStackOverflowError; the engine retries a file that failed with it. */
export const PARSER_STACK_OVERFLOW = 'parser-stack-overflow';

/** The parser overflowed the thread's stack on this file. */
export class ParserStackOverflowError extends Error {
  readonly code = PARSER_STACK_OVERFLOW;

  constructor(cause: unknown) {
    super('The TypeScript parser ran out of stack on this file (nesting too deep to parse)', { cause });
    this.name = 'ParserStackOverflowError';
  }
}

/** Stack for the retry: 10,000-deep nesting needs well under 64 MB. */
const LARGE_STACK_MB = 256;

/** Analyzes one file in a fresh worker thread with a LARGE_STACK_MB stack. */
export function analyzeWithLargeStack(path: string, text: string, options: AnalysisOptions): Promise<FileFacts> {
  const worker = new Worker(new URL('./large-stack-worker.js', import.meta.url), {
    workerData: { path, text, options },
    resourceLimits: { stackSizeMb: LARGE_STACK_MB },
  });
  return new Promise<FileFacts>((resolve, reject) => {
    worker.once('message', (message: { facts?: FileFacts; error?: string }) => {
      if (message.facts !== undefined) resolve(message.facts);
      else reject(new ParserStackOverflowError(new Error(message.error)));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`analysis worker exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}
