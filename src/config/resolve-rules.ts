import { UserError } from '../errors.js';
import { ALL_RULES, defaultRulesConfig } from '../rules/index.js';
import { parseRuleShorthand, type RuleSetting } from './rule-setting.js';
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

/** `--rule complexity=error:15`, `--rule complexity=15`, `--rule todo-comment=off` (the config file's short forms, same parser). */
export function parseRuleFlag(flag: string): { id: string; setting: RuleSetting } {
  const bad = (why: string): never => {
    throw new UserError(
      'INVALID_OPTION',
      `--rule ${flag}: ${why}`,
      'Use --rule ID=off, --rule ID=SEVERITY, --rule ID=THRESHOLD or --rule ID=SEVERITY:THRESHOLD.',
    );
  };
  const equals = flag.indexOf('=');
  const id = equals === -1 ? flag : flag.slice(0, equals);
  const value = equals === -1 ? '' : flag.slice(equals + 1);
  if (!ALL_RULES.some((candidate) => candidate.id === id)) return bad(`unknown rule '${id}' (known: ${ALL_RULES.map((r) => r.id).join(', ')})`);
  const parsed = parseRuleShorthand(id, value);
  return 'problem' in parsed ? bad(parsed.problem) : { id, setting: parsed.setting };
}
