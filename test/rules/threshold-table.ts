/**
 * The table every function-threshold rule must pass: exactly at the
 * threshold is valid, one above is a finding, a configured threshold and
 * severity are honoured, and only the offending functions are reported.
 */
import type { FunctionFacts, Severity } from '../../src/types.js';
import { facts, fn, type RuleTable } from './rule-tester.js';

export interface ThresholdSpec {
  readonly rule: string;
  readonly metric: 'cyclomatic' | 'cognitive' | 'maxDepth' | 'params' | 'length';
  readonly defaultThreshold: number;
  readonly defaultSeverity: Severity;
  /** The rule's message, written out in the test so a changed wording is noticed. */
  readonly message: (name: string, value: number, max: number) => string;
}

/** A function whose metric has this value (length also moves endLine, so the facts stay coherent). */
function withMetric(spec: ThresholdSpec, value: number, overrides: Partial<FunctionFacts> = {}): FunctionFacts {
  const line = overrides.line ?? 1;
  const shape = spec.metric === 'length' ? { endLine: line + value - 1, length: value } : { [spec.metric]: value };
  return fn({ ...overrides, ...shape });
}

export function thresholdTable(spec: ThresholdSpec): RuleTable {
  const max = spec.defaultThreshold;
  const finding = (name: string, line: number, column: number, value: number, threshold: number, severity = spec.defaultSeverity) => ({
    rule: spec.rule,
    severity,
    line,
    column,
    message: spec.message(name, value, threshold),
  });
  return {
    valid: [
      { name: 'a file without functions', facts: facts() },
      { name: `exactly at the default threshold (${max})`, facts: facts({ functions: [withMetric(spec, max)] }) },
      { name: 'well below the threshold', facts: facts({ functions: [withMetric(spec, 1)] }) },
      {
        name: 'exactly at a configured threshold of 30',
        facts: facts({ functions: [withMetric(spec, 30)] }),
        config: { threshold: 30 },
      },
      {
        name: 'several functions, none above',
        facts: facts({ functions: [withMetric(spec, max, { line: 1 }), withMetric(spec, max - 1, { line: 40 })] }),
      },
    ],
    invalid: [
      {
        name: `one above the default threshold (${max + 1})`,
        facts: facts({ functions: [withMetric(spec, max + 1, { name: 'parse', line: 7, column: 3 })] }),
        expected: [finding('parse', 7, 3, max + 1, max)],
      },
      {
        name: 'above a configured lower threshold',
        facts: facts({ functions: [withMetric(spec, 3, { name: 'small', line: 2 })] }),
        config: { threshold: 2 },
        expected: [finding('small', 2, 1, 3, 2)],
      },
      {
        name: 'the configured severity',
        facts: facts({ functions: [withMetric(spec, max + 1, { name: 'g' })] }),
        config: { severity: 'error' },
        expected: [finding('g', 1, 1, max + 1, max, 'error')],
      },
      {
        name: 'only the functions above, in their order',
        facts: facts({
          functions: [
            withMetric(spec, max, { name: 'ok', line: 1 }),
            withMetric(spec, max + 5, { name: 'big', line: 100, column: 5 }),
            withMetric(spec, max + 1, { name: '<anonymous>', line: 200, column: 9 }),
          ],
        }),
        expected: [finding('big', 100, 5, max + 5, max), finding('<anonymous>', 200, 9, max + 1, max)],
      },
    ],
  };
}
