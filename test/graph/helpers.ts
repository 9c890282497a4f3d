/** Hand-built facts for graph unit tests. */
import type { ExportRecord, FileResult, ImportRecord } from '../../src/types.js';
import type { RulesConfig } from '../../src/rules/rule.js';

/** An `import { names } from spec` record (names default to none: a side-effect import). */
export function imp(specifier: string, names: string[] = [], extra: Partial<ImportRecord> = {}): ImportRecord {
  return { specifier, kind: 'import', typeOnly: false, names, line: 1, ...extra };
}

/** An export record. */
export function exp(name: string, line = 1, extra: Partial<ExportRecord> = {}): ExportRecord {
  return { name, line, typeOnly: false, ...extra };
}

/** A FileResult with only imports/exports filled in. */
export function file(path: string, imports: ImportRecord[] = [], exports: ExportRecord[] = []): FileResult {
  return {
    path,
    size: 0,
    hash: '',
    facts: { lines: 0, code: 0, comment: 0, blank: 0, functions: [], imports, exports, observations: [] },
    error: null,
    cached: false,
  };
}

export const RULES: RulesConfig = {
  'import-cycle': { enabled: true, severity: 'warning' },
  'unused-export': { enabled: true, severity: 'info' },
};
