import { ALL_RULES } from '../rules/index.js';
import { SEVERITY_ORDER, type Severity } from '../types.js';

/**
 * One rule's setting, from the config file or `--rule`: `"off"`, a severity,
 * or `{ severity?, threshold?, enabled? }`. The short text forms
 * (`off`, `error`, `error:15`, `15`) are parsed here, once, for both.
 */
export type RuleSetting =
  | 'off'
  | Severity
  | { readonly severity?: Severity; readonly threshold?: number; readonly enabled?: boolean; readonly IIFEs?: boolean };

const THRESHOLD = '\\d+(?:\\.\\d+)?';

/** Whether a rule takes a threshold (`complexity` does, `todo-comment` does not). */
export function hasThreshold(id: string): boolean {
  const rule = ALL_RULES.find((candidate) => candidate.id === id);
  return rule !== undefined && 'defaultThreshold' in rule && rule.defaultThreshold !== undefined;
}

/** The short text form a rule accepts, as a regular expression source (also the JSON schema's `pattern`). */
export function ruleShorthandPattern(id: string): string {
  const severity = [...SEVERITY_ORDER].reverse().join('|');
  return hasThreshold(id) ? `^(?:off|(?:${severity})(?::${THRESHOLD})?|${THRESHOLD})$` : `^(?:off|${severity})$`;
}

/**
 * Parses the short form of a known rule's setting: `off`, `warning`,
 * `error:5`, `15`. Returns the setting, or why the text is not one.
 */
export function parseRuleShorthand(id: string, value: string): { setting: RuleSetting } | { problem: string } {
  if (value === '') return { problem: 'missing a value' };
  if (value === 'off') return { setting: 'off' };
  const colon = value.indexOf(':');
  const first = colon === -1 ? value : value.slice(0, colon);
  const second = colon === -1 ? undefined : value.slice(colon + 1);
  let severity: Severity | undefined;
  let thresholdText: string | undefined;
  if (SEVERITY_ORDER.includes(first as Severity)) {
    severity = first as Severity;
    thresholdText = second;
  } else if (second === undefined) {
    thresholdText = first;
  } else {
    return { problem: `'${first}' is not a severity (error, warning, info)` };
  }
  if (thresholdText === undefined) return { setting: severity! };
  if (!new RegExp(`^${THRESHOLD}$`).test(thresholdText)) return { problem: `'${thresholdText}' is not a number ≥ 0` };
  if (!hasThreshold(id)) return { problem: `rule '${id}' has no threshold` };
  return { setting: { ...(severity ? { severity } : {}), threshold: Number(thresholdText) } };
}
