/**
 * The JSON report's shape, schemaVersion 1: the public contract that
 * `--format json` prints and that `sonde bench` reads back from its child
 * scans. Types only, besides the version, so a reader loads no reporter.
 */
import type { FileError, ModuleGraph, Profile, Severity, SkippedFile, Strategy } from '../types.js';

export const JSON_SCHEMA_VERSION = 1;

/**
 * A function as the JSON report lists it. Spelled out rather than derived
 * from FunctionFacts on purpose: a field added to the facts (and the cache)
 * must not reach the public contract without a decision here.
 */
interface JsonFunction {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly params: number;
  readonly cyclomatic: number;
  readonly cognitive: number;
  readonly maxDepth: number;
  readonly length: number;
}

/** A finding inside a file entry (its path is the file's). */
export interface JsonFileFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Present (true) only when the suppressions file covers the finding; it then fails nothing. */
  readonly suppressed?: true;
}

/** A cross-file finding (top-level `findings`). */
export interface JsonFinding extends JsonFileFinding {
  readonly path: string;
}

/** One file entry. */
export interface JsonFile {
  readonly path: string;
  readonly hash: string;
  readonly size: number;
  readonly lines: number;
  readonly code: number;
  readonly comment: number;
  readonly blank: number;
  readonly functions: readonly JsonFunction[];
  readonly imports: readonly string[];
  readonly exports: readonly string[];
  readonly findings: readonly JsonFileFinding[];
  readonly error: FileError | null;
}

/** The whole JSON document. */
export interface JsonReport {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly tool: { readonly name: 'sonde'; readonly version: string };
  /** The scanned directory, absolute: every `path` in the report is relative to it. */
  readonly root: string;
  readonly summary: {
    readonly files: number;
    readonly lines: number;
    readonly functions: number;
    /** Every finding, suppressed ones included. */
    readonly findings: number;
    /** How many of `findings` are suppressed; present only when some are. */
    readonly suppressed?: number;
    readonly errors: number;
    readonly skipped: number;
    readonly strategy: Strategy;
    readonly workers: number;
    /** hitRate: hits ÷ lookups, null when the cache was off or nothing was looked up. */
    readonly cache: { readonly enabled: boolean; readonly hits: number; readonly misses: number; readonly hitRate: number | null };
    /** `--queue` only: remote workers that did jobs, files analyzed by them and by the coordinator. */
    readonly queue?: { readonly workers: number; readonly remoteFiles: number; readonly localFiles: number };
    readonly durationMs: number;
    readonly peakRssBytes: number;
  };
  readonly files: readonly JsonFile[];
  readonly findings: readonly JsonFinding[];
  readonly skipped: readonly SkippedFile[];
  readonly graph: ModuleGraph;
  readonly warnings: readonly string[];
  readonly profile: Profile;
}
