import type { SourceAnalyzer } from './analyze-source.js';
import type { AnalysisOptions } from '../config/options.js';
import type { AnalysisOutcome, SourceInput } from './analyzer.js';
import { PARSER_STACK_OVERFLOW } from './parser-overflow.js';

/**
 * Analyzes one file and never throws: a failure of the analysis (a bug, or
 * input deep enough to exhaust the parser's stack) becomes that file's error,
 * and the rest of the scan goes on. Shared by the in-process analyzer and the
 * workers so both strategies report failures identically.
 */
export function analyzeOne(analyzeSource: SourceAnalyzer, input: SourceInput, options: AnalysisOptions): AnalysisOutcome {
  try {
    return { ok: true, path: input.path, facts: analyzeSource(input.path, input.text, options) };
  } catch (error) {
    // The parser overflowing its stack is not a bug: the engine retries such a
    // file on a thread with a large stack, so keep the code that says so.
    if ((error as { code?: unknown } | undefined)?.code === PARSER_STACK_OVERFLOW) {
      return { ok: false, path: input.path, error: { code: PARSER_STACK_OVERFLOW, message: (error as Error).message } };
    }
    const message =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'Nesting too deep to analyze (the analysis ran out of stack).'
        : `Analysis failed: ${(error as Error)?.message ?? String(error)}`;
    return { ok: false, path: input.path, error: { code: 'analysis-failed', message } };
  }
}
