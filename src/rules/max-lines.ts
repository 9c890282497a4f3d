import type { FileRule } from './rule.js';

const DEFAULT_THRESHOLD = 500;

export const maxLinesRule: FileRule = {
  id: 'max-lines',
  description: 'Physical lines of a file (ESLint `max-lines`).',
  defaultSeverity: 'warning',
  defaultThreshold: DEFAULT_THRESHOLD,
  check(facts, config) {
    const max = config.threshold ?? DEFAULT_THRESHOLD;
    if (facts.lines <= max) return [];
    return [
      {
        rule: 'max-lines',
        severity: config.severity,
        line: max + 1,
        column: 1,
        message: `File has ${facts.lines} lines (max ${max}).`,
      },
    ];
  },
};
