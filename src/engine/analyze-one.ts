import type { SourceAnalyzer } from '../analysis/analyze-source.js';
import type { AnalysisOptions } from '../config/options.js';
import type { AnalysisOutcome, SourceInput } from './analyzer.js';

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
    const message =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'Nesting too deep to analyze (the parser ran out of stack).'
        : `Analysis failed: ${(error as Error)?.message ?? String(error)}`;
    return { ok: false, path: input.path, error: { code: 'analysis-failed', message } };
  }
}
