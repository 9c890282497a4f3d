/**
 * The per-file analysis entry point: source text in, FileFacts out.
 * Facts depend only on the text, the path's extension (which picks TS, TSX,
 * JS or JSX parsing) and the analysis options — that makes them cacheable.
 */
import type { AnalysisOptions } from '../config/options.js';
import type { FileFacts } from '../types.js';
import { loadTsMorph } from './load-ts-morph.js';

export { saveTsMorphCodeCache as saveCodeCache, tsMorphCodeCacheLoads as codeCacheLoads } from './load-ts-morph.js';

/** Analyzes one file. Throws only on a bug or on input the parser itself cannot survive. */
export type SourceAnalyzer = (path: string, text: string, options: AnalysisOptions) => FileFacts;

/** How to load the analysis. */
interface SourceAnalyzerLoadOptions {
  /** Folder of the parser's V8 code cache (only with `--cache`); none: compile from source. */
  readonly codeCacheDir?: string;
}

/**
 * Loads ts-morph lazily (it costs ~0.15 s with a code cache, ~0.3 s without,
 * more than a warm-cache scan) and creates one Project per thread.
 */
export async function loadSourceAnalyzer(options: SourceAnalyzerLoadOptions = {}): Promise<SourceAnalyzer> {
  const { Project, ts } = loadTsMorph(options.codeCacheDir);
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
