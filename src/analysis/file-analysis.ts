/**
 * The analysis of one file inside a given ts-morph Project. Kept apart from
 * analyze-source.ts so that importing the entry point does not load ts-morph.
 */
import type { Project } from 'ts-morph';
import type { AnalysisOptions } from '../config/options.js';
import type { FileFacts, Observation } from '../types.js';
import { disableDirectives, todoComments } from './comments.js';
import { functionMetrics } from './function-metrics.js';
import { countLines } from './lines.js';
import { ModuleCollector } from './modules.js';
import { NodeObservations, parseErrors } from './observations.js';
import { ParserStackOverflowError } from './parser-overflow.js';
import { compareCodeUnits } from '../util/compare.js';

/** In-memory name for the file: only the extension matters (it picks TS/TSX/JS/JSX parsing). */
function virtualPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '.ts';
  return `/sonde-input${extension}`;
}

/** Parses, analyzes and forgets one file. */
export function analyzeWith(project: Project, path: string, text: string, options: AnalysisOptions): FileFacts {
  const lines = countLines(text);
  // ESLint drops a BOM before parsing; so must we, or line-1 columns shift by one.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const name = virtualPath(path);
  // A parser crash can leave the file registered; drop it rather than use
  // `overwrite: true`, whose existence probe throws (and catches) an Error per file.
  const stale = project.getSourceFile(name);
  if (stale !== undefined) project.removeSourceFile(stale);
  let sourceFileWrapper;
  try {
    sourceFileWrapper = project.createSourceFile(name, body);
  } catch (error) {
    throw parserFailure(error);
  }
  try {
    const sourceFile = sourceFileWrapper.compilerNode;
    const modules = new ModuleCollector(sourceFile);
    const nodeObservations = new NodeObservations(sourceFile);
    const functions = functionMetrics(sourceFile, (node) => {
      nodeObservations.visit(node);
      modules.visit(node);
    });
    modules.collectStatements();
    const observations: Observation[] = [
      ...parseErrors(sourceFile),
      ...nodeObservations.found,
      ...todoComments(sourceFile, options.todoTags),
    ].sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.kind, b.kind));
    const imports = [...modules.imports].sort((a, b) => a.line - b.line);
    const directives = disableDirectives(sourceFile);
    return { ...lines, functions, imports, exports: modules.exports, observations, ...(directives.length > 0 ? { directives } : {}) };
  } finally {
    // Keeps memory flat over 100k files: the Project must not accumulate them.
    // Not project.removeSourceFile(): its forget() walks the file's children
    // with ts-morph's comment parser, which is quadratic on a long line (a
    // 1 MB minified file took 54 s). We never wrap a descendant node, so
    // forgetting the source file's own wrapper releases everything.
    forgetSourceFile(sourceFileWrapper);
  }
}

/** ts-morph's `_forgetOnlyThis` is public JavaScript but typed internal; see the call site for why. */
function forgetSourceFile(sourceFile: object): void {
  (sourceFile as { _forgetOnlyThis(): void })._forgetOnlyThis();
}

function parserFailure(error: unknown): Error {
  if (error instanceof RangeError) return new ParserStackOverflowError(error);
  return error instanceof Error ? error : new Error(String(error));
}
