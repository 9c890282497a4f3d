/**
 * The ground-truth manifest (`sonde-ground-truth.json`): what a correct scan
 * of a generated project reports, computed from what the generator emitted.
 */

export const GROUND_TRUTH_FILE = 'sonde-ground-truth.json';

/** One function as ESLint's `complexity` rule (and so sonde) should report it. */
interface GroundTruthFunction {
  /** ESLint's name for it: `f`, `m` for `method 'm'`, `constructor`, `<anonymous>`, `<class field initializer>`, `<class static block>`. */
  readonly name: string;
  readonly kind: string;
  /** 1-based line of the function's head (one line for every generated function). */
  readonly line: number;
  readonly cyclomatic: number;
}

export interface GroundTruthFile {
  /** Relative to the project root, forward slashes. */
  readonly path: string;
  readonly language: 'ts' | 'tsx' | 'js';
  /** Physical lines (the file ends with one newline), and their split as cloc counts it. */
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
  /** Sorted by line; several functions may share a line (callbacks, an arrow-valued class field). */
  readonly functions: readonly GroundTruthFunction[];
}

export interface GroundTruthExport {
  readonly path: string;
  /** The exported name, `default` for a default export. */
  readonly name: string;
  readonly line: number;
}

export interface GroundTruth {
  readonly schemaVersion: 1;
  readonly generator: { readonly seed: number; readonly size: string; readonly files: number };
  readonly totals: { readonly files: number; readonly lines: number; readonly functions: number; readonly bytes: number };
  /** Source files sorted by path (package.json and tsconfig.json are not listed). */
  readonly files: readonly GroundTruthFile[];
  /** Import cycles: each a strongly connected component as a sorted list of paths; the list sorted by first path. */
  readonly cycles: readonly (readonly string[])[];
  /** Exports no file imports (no file is an entry point), sorted by path then line. */
  readonly unusedExports: readonly GroundTruthExport[];
}
