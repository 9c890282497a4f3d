/**
 * The per-file analysis entry point: source text in, FileFacts out.
 * Facts depend only on the text, the path's extension (which picks TS, TSX,
 * JS or JSX parsing) and the analysis options — that makes them cacheable.
 */
import type { AnalysisOptions } from '../config/options.js';
import type { FileFacts } from '../types.js';
import { loadTsMorph } from './load-ts-morph.js';

/** Analyzes one file. Throws only on a bug or on input the parser itself cannot survive. */
export type SourceAnalyzer = (path: string, text: string, options: AnalysisOptions) => FileFacts;

/**
 * Loads ts-morph lazily (~0.3 s, more than a warm-cache scan) and creates
 * one Project per thread.
 */
export async function loadSourceAnalyzer(): Promise<SourceAnalyzer> {
  const { Project, ts } = loadTsMorph();
  const { analyzeWith } = await import('./file-analysis.js');
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve },
  });
  return (path, text, options) => analyzeWith(project, path, text, options);
}
