import { type SourceAnalyzer, loadSourceAnalyzer } from '../../src/analysis/analyze-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import type { FileFacts, FunctionFacts } from '../../src/types.js';

let analyzer: SourceAnalyzer | undefined;

/** Analyzes a snippet as `name` (the extension picks the parser). */
export async function analyze(source: string, name = 'input.ts'): Promise<FileFacts> {
  analyzer ??= await loadSourceAnalyzer();
  return analyzer(name, source, DEFAULT_ANALYSIS_OPTIONS);
}

/** The only (or the named) function of a snippet. */
export async function onlyFunction(source: string, name?: string, file = 'input.ts'): Promise<FunctionFacts> {
  const facts = await analyze(source, file);
  const matching = name === undefined ? facts.functions : facts.functions.filter((f) => f.name === name);
  if (matching.length !== 1) throw new Error(`expected one function${name ? ` named ${name}` : ''}, got ${facts.functions.map((f) => f.name).join(', ')}`);
  return matching[0]!;
}
