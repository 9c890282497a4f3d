import { UserError } from '../errors.js';
import { ALL_RULES, defaultRulesConfig } from '../rules/index.js';
import { SEVERITY_ORDER, type Severity } from '../types.js';
import type { RuleSetting } from './config-file.js';
import type { RuleConfig, RulesConfig } from '../rules/rule.js';

/** Merges defaults ← config file ← `--rule` flags into one frozen RulesConfig. */
export function resolveRules(
  fromFile: Readonly<Record<string, RuleSetting>> | undefined,
  fromFlags: readonly string[],
): RulesConfig {
  const rules: Record<string, RuleConfig> = { ...defaultRulesConfig() };
  for (const [id, setting] of Object.entries(fromFile ?? {})) rules[id] = applySetting(rules[id]!, setting);
  for (const flag of fromFlags) {
    const { id, setting } = parseRuleFlag(flag);
    rules[id] = applySetting(rules[id]!, setting);
  }
  return Object.freeze(rules);
}

function applySetting(current: RuleConfig, setting: RuleSetting): RuleConfig {
  if (setting === 'off') return { ...current, enabled: false };
  if (typeof setting === 'string') return { ...current, enabled: true, severity: setting };
  return {
    enabled: setting.enabled ?? true,
    severity: setting.severity ?? current.severity,
    ...(setting.threshold !== undefined || current.threshold !== undefined
      ? { threshold: setting.threshold ?? current.threshold }
      : {}),
    ...(setting.IIFEs !== undefined || current.IIFEs !== undefined ? { IIFEs: setting.IIFEs ?? current.IIFEs } : {}),
  };
}

/** `--rule complexity=error:15`, `--rule complexity=15`, `--rule todo-comment=off`. */
export function parseRuleFlag(flag: string): { id: string; setting: RuleSetting } {
  const bad = (why: string): never => {
    throw new UserError(
      'INVALID_OPTION',
      `--rule ${flag}: ${why}`,
      'Use --rule ID=off, --rule ID=SEVERITY, --rule ID=THRESHOLD or --rule ID=SEVERITY:THRESHOLD.',
    );
  };
  const [id, value] = flag.split('=', 2) as [string, string | undefined];
  const rule = ALL_RULES.find((candidate) => candidate.id === id);
  if (!rule) return bad(`unknown rule '${id}' (known: ${ALL_RULES.map((r) => r.id).join(', ')})`);
  if (value === undefined || value === '') return bad('missing a value');
  if (value === 'off') return { id, setting: 'off' };
  const [first, second] = value.split(':', 2) as [string, string | undefined];
  let severity: Severity | undefined;
  let thresholdText: string | undefined;
  if (SEVERITY_ORDER.includes(first as Severity)) {
    severity = first as Severity;
    thresholdText = second;
  } else if (second === undefined) {
    thresholdText = first;
  } else {
    return bad(`'${first}' is not a severity (error, warning, info)`);
  }
  if (thresholdText === undefined) return { id, setting: severity! };
  const threshold = Number(thresholdText);
  if (!Number.isFinite(threshold) || threshold < 0 || thresholdText.trim() === '') return bad(`'${thresholdText}' is not a number ≥ 0`);
  if (!('defaultThreshold' in rule) || rule.defaultThreshold === undefined) return bad(`rule '${id}' has no threshold`);
  return { id, setting: { ...(severity ? { severity } : {}), threshold } };
}
