import { ALL_RULES } from '../rules/index.js';
import { SEVERITY_ORDER } from '../types.js';
import { escapeTerminal } from '../text/escape.js';
import { closestMatch } from '../util/edit-distance.js';
import { hasThreshold, ruleShorthandPattern } from './rule-setting.js';

/**
 * The ONE description of sonde.config.json(c). `checkShape` walks it to
 * validate a parsed config (every problem, each with its path), and
 * `toJsonSchema` turns it into the JSON schema shipped as sonde.schema.json
 * (test/config/config-schema.test.ts checks that the committed file is the
 * generated one and that ajv agrees with `checkShape`). Only keywords that
 * mean the same in both are used: type, enum, pattern, minimum, maximum,
 * items, properties with no additional ones, anyOf.
 */
export type Shape = (
  | { readonly type: 'string'; readonly enum?: readonly string[]; readonly pattern?: string }
  | { readonly type: 'boolean' }
  | { readonly type: 'number' | 'integer'; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'array'; readonly items: Shape }
  | { readonly type: 'object'; readonly properties: Readonly<Record<string, Shape>> }
  | { readonly type: 'anyOf'; readonly anyOf: readonly Shape[] }
) & {
  readonly description?: string;
  /** What an error says is expected ("a worker count 0–256 or \"auto\""); derived from the shape when absent. */
  readonly expected?: string;
};

/** Severities, worst first, as messages list them. */
const SEVERITIES = [...SEVERITY_ORDER].reverse();

/** The most workers any setting may ask for (`--parallel` has the same cap). */
export const MAX_WORKERS = 256;

/** What parseByteSize accepts: `2000000`, `2MB`, `512KiB`, `1.5 GB`. */
const BYTE_SIZE_PATTERN = '^\\s*\\d+(?:\\.\\d+)?\\s*(?:[bB]|[kKmMgG](?:[bB]|[iI][bB])?)?\\s*$';

const stringList = (description: string): Shape => ({ type: 'array', items: { type: 'string' }, expected: 'an array of strings', description });

function ruleShape(id: string): Shape {
  const severity: Shape = { type: 'string', enum: SEVERITIES, expected: SEVERITIES.join(', ').replace(/, (?=[^,]*$)/, ' or ') };
  const threshold = hasThreshold(id);
  const short = threshold ? '"off", a severity, "SEVERITY:THRESHOLD", a threshold' : '"off", a severity';
  return {
    type: 'anyOf',
    description: threshold
      ? `"off", "error", "warning", "info", "error:15", 15, or { severity, threshold, enabled } (the same forms as --rule ${id}=…)`
      : `"off", "error", "warning", "info", or { severity, enabled } (the same forms as --rule ${id}=…)`,
    expected: `${short} or { severity${threshold ? ', threshold' : ''}, enabled }`,
    anyOf: [
      { type: 'string', pattern: ruleShorthandPattern(id) },
      ...(threshold ? [{ type: 'number', minimum: 0 } as const] : []),
      {
        type: 'object',
        properties: {
          severity,
          ...(threshold ? { threshold: { type: 'number', minimum: 0 } as const } : {}),
          enabled: { type: 'boolean' },
          // ESLint's max-lines-per-function option: count immediately invoked functions too.
          ...(id === 'max-lines-per-function' ? { IIFEs: { type: 'boolean' } as const } : {}),
        },
      },
    ],
  };
}

export const CONFIG_SHAPE: Shape = {
  type: 'object',
  description: 'sonde configuration (sonde.config.json or sonde.config.jsonc). Every key is optional; command-line flags override it.',
  properties: {
    $schema: { type: 'string', description: 'The JSON schema of this file, for editors.' },
    include: stringList('Globs of the files to scan (default: every JS/TS file).'),
    exclude: stringList('Globs of files not to scan.'),
    entries: stringList('Globs of entry files: their exports count as used.'),
    maxFileSize: {
      type: 'anyOf',
      description: 'Files larger than this are skipped: bytes, or a size such as "2MB" or "512KiB".',
      expected: 'a size such as 2000000 or "2MB"',
      anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: BYTE_SIZE_PATTERN }],
    },
    maxMemory: {
      type: 'anyOf',
      description: 'Memory budget of a scan (like --max-memory): bytes, or a size such as "512MB". The scan adapts workers and batches to stay under it.',
      expected: 'a size such as 512000000 or "512MB"',
      anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: BYTE_SIZE_PATTERN }],
    },
    parallel: {
      type: 'anyOf',
      description: `Worker threads: 0 (none) to ${MAX_WORKERS}, or "auto". A repository's own config gets at most one per core.`,
      expected: `a worker count 0–${MAX_WORKERS} or "auto"`,
      anyOf: [{ type: 'integer', minimum: 0, maximum: MAX_WORKERS }, { type: 'string', enum: ['auto'] }],
    },
    cache: { type: 'boolean', description: 'Use the facts cache.' },
    cacheLocation: { type: 'string', description: 'Cache file or redis:// URL. A repository\'s own config may only name a file inside the repository.', expected: 'a path or a redis:// URL' },
    failOn: { type: 'string', enum: [...SEVERITIES, 'never'], description: 'Lowest severity that makes the exit code 1.' },
    ignoreTypeOnlyCycles: { type: 'boolean', description: 'Import cycles made only of type imports are not reported.' },
    todoTags: stringList('Comment tags that todo-comment reports (default TODO, FIXME, XXX, HACK).'),
    rules: {
      type: 'object',
      description: 'Rule settings by rule id.',
      expected: 'an object of rule settings',
      properties: Object.fromEntries(ALL_RULES.map((rule) => [rule.id, ruleShape(rule.id)])),
    },
  },
};

/** One problem: the path of the bad value and what was wrong. */
export interface ShapeProblem {
  readonly path: string;
  readonly message: string;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fitsType(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'object':
      return jsonType(value) === 'object';
    case 'anyOf':
      return shape.anyOf.some((option) => fitsType(option, value));
    default:
      return jsonType(value) === shape.type;
  }
}

const quoteList = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(', ').replace(/, (?=[^,]*$)/, ' or ');

function expectedOf(shape: Shape): string {
  if (shape.expected) return shape.expected;
  switch (shape.type) {
    case 'string':
      return shape.enum ? quoteList(shape.enum) : 'a string';
    case 'boolean':
      return 'true or false';
    case 'number':
    case 'integer': {
      const noun = shape.type === 'integer' ? 'an integer' : 'a number';
      if (shape.minimum !== undefined && shape.maximum !== undefined) return `${noun} ${shape.minimum}–${shape.maximum}`;
      return shape.minimum !== undefined ? `${noun} ≥ ${shape.minimum}` : noun;
    }
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'anyOf':
      return shape.anyOf.map(expectedOf).join(' or ');
  }
}

/** A value as an error shows it: short, and only its kind for objects and arrays. */
function describe(value: unknown): string {
  const kind = jsonType(value);
  if (kind === 'object') return 'an object';
  if (kind === 'array') return 'an array';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A value's path; a key is the repository's text, so it is escaped (one line, no control characters). */
const join = (at: string, key: string | number) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${escapeTerminal(key)}` : escapeTerminal(key));

/** Every problem of `value` against `shape`, in document order; [] when it fits. */
export function checkShape(shape: Shape, value: unknown, at = ''): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const walk = (s: Shape, v: unknown, p: string): void => {
    const bad = () => problems.push({ path: p || '(root)', message: `expected ${expectedOf(s)}, got ${describe(v)}` });
    switch (s.type) {
      case 'anyOf': {
        // Descend into the one object or array option of the value's type, so a nested mistake gets its own path.
        const containers = s.anyOf.filter((option) => (option.type === 'object' || option.type === 'array') && fitsType(option, v));
        if (containers.length === 1) return walk(containers[0]!, v, p);
        if (!s.anyOf.some((option) => checkShape(option, v).length === 0)) bad();
        return;
      }
      case 'string':
        if (typeof v !== 'string' || (s.enum && !s.enum.includes(v)) || (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v))) bad();
        return;
      case 'boolean':
        if (typeof v !== 'boolean') bad();
        return;
      case 'number':
      case 'integer':
        if (!fitsType(s, v) || (s.minimum !== undefined && (v as number) < s.minimum) || (s.maximum !== undefined && (v as number) > s.maximum)) bad();
        return;
      case 'array':
        if (!Array.isArray(v)) return void bad();
        v.forEach((item, index) => walk(s.items, item, join(p, index)));
        return;
      case 'object': {
        if (jsonType(v) !== 'object') return void bad();
        const known = Object.keys(s.properties);
        for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
          const property = Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
          if (property) {
            walk(property, item, join(p, key));
            continue;
          }
          const guess = closestMatch(key, known);
          const shown = known.filter((name) => name !== '$schema');
          problems.push({
            path: join(p, key),
            message: `unknown key${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}; expected one of ${shown.join(', ')}`,
          });
        }
        return;
      }
    }
  };
  walk(shape, value, at);
  return problems;
}

/** The shape as a JSON schema (draft-07): what ships as sonde.schema.json. */
export function toJsonSchema(shape: Shape): Record<string, unknown> {
  const description = shape.description ? { description: shape.description } : {};
  switch (shape.type) {
    case 'anyOf':
      return { ...description, anyOf: shape.anyOf.map(toJsonSchema) };
    case 'string':
      return { type: 'string', ...description, ...(shape.enum ? { enum: shape.enum } : {}), ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}) };
    case 'boolean':
      return { type: 'boolean', ...description };
    case 'number':
    case 'integer':
      return {
        type: shape.type,
        ...description,
        ...(shape.minimum !== undefined ? { minimum: shape.minimum } : {}),
        ...(shape.maximum !== undefined ? { maximum: shape.maximum } : {}),
      };
    case 'array':
      return { type: 'array', ...description, items: toJsonSchema(shape.items) };
    case 'object':
      return {
        type: 'object',
        ...description,
        properties: Object.fromEntries(Object.entries(shape.properties).map(([key, value]) => [key, toJsonSchema(value)])),
        additionalProperties: false,
      };
  }
}

/** The whole sonde.schema.json document. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'sonde configuration',
    ...toJsonSchema(CONFIG_SHAPE),
  };
}
