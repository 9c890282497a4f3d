/**
 * Shape checks for values read back from the cache. A value that fails is a
 * miss: a damaged or foreign entry is re-analyzed, never served.
 */
import type { DisableDirective, ExportRecord, FileFacts, FunctionFacts, ImportRecord, Observation } from '../types.js';

type Check<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';
const isBool = (value: unknown): value is boolean => typeof value === 'boolean';
const isArrayOf =
  <T>(check: Check<T>) =>
  (value: unknown): value is readonly T[] =>
    Array.isArray(value) && value.every(check);

const isFunction: Check<FunctionFacts> = (v): v is FunctionFacts =>
  isRecord(v) &&
  isString(v.name) &&
  isCount(v.line) &&
  isCount(v.column) &&
  isCount(v.endLine) &&
  isCount(v.params) &&
  isCount(v.cyclomatic) &&
  isCount(v.cognitive) &&
  isCount(v.maxDepth) &&
  isCount(v.length) &&
  (v.iife === undefined || v.iife === true);

const IMPORT_KINDS = new Set(['import', 'reexport', 'dynamic', 'require']);
const isImport: Check<ImportRecord> = (v): v is ImportRecord =>
  isRecord(v) &&
  isString(v.specifier) &&
  IMPORT_KINDS.has(v.kind as string) &&
  isBool(v.typeOnly) &&
  isArrayOf(isString)(v.names) &&
  isCount(v.line);

const isExport: Check<ExportRecord> = (v): v is ExportRecord =>
  isRecord(v) &&
  isString(v.name) &&
  isCount(v.line) &&
  isBool(v.typeOnly) &&
  (v.from === undefined || isString(v.from)) &&
  (v.sourceName === undefined || isString(v.sourceName));

const OBSERVATION_KINDS = new Set(['explicit-any', 'todo-comment', 'empty-catch', 'parse-error']);
const isObservation: Check<Observation> = (v): v is Observation =>
  isRecord(v) &&
  OBSERVATION_KINDS.has(v.kind as string) &&
  isCount(v.line) &&
  isCount(v.column) &&
  (v.text === undefined || isString(v.text));

const DIRECTIVE_KINDS = new Set(['line', 'next-line', 'file']);
const isDirective: Check<DisableDirective> = (v): v is DisableDirective =>
  isRecord(v) && DIRECTIVE_KINDS.has(v.kind as string) && isCount(v.line) && isCount(v.column) && isCount(v.target) && isArrayOf(isString)(v.rules);

/** True when `value` has exactly the types FileFacts promises (extra fields are tolerated). */
export function isFileFacts(value: unknown): value is FileFacts {
  return (
    isRecord(value) &&
    isCount(value.lines) &&
    isCount(value.code) &&
    isCount(value.comment) &&
    isCount(value.blank) &&
    isArrayOf(isFunction)(value.functions) &&
    isArrayOf(isImport)(value.imports) &&
    isArrayOf(isExport)(value.exports) &&
    isArrayOf(isObservation)(value.observations) &&
    (value.directives === undefined || isArrayOf(isDirective)(value.directives))
  );
}
