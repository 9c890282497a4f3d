import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { checkShape, CONFIG_SHAPE, configJsonSchema } from '../../src/config/config-schema.js';
import { validateConfig } from '../../src/config/config-file.js';
import { UserError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/temp-tree.js';

const SCHEMA_FILE = path.join(REPO_ROOT, 'sonde.schema.json');

/** Configs on both sides of every rule of the shape; ajv and sonde's validator must agree on each. */
const VALID: unknown[] = [
  {},
  { $schema: './node_modules/sonde/sonde.schema.json' },
  { include: ['src/**'], exclude: [], entries: ['bin/*.ts'], todoTags: ['TODO'] },
  { maxFileSize: 0 }, { maxFileSize: 2000000 }, { maxFileSize: '2MB' }, { maxFileSize: '512KiB' }, { maxFileSize: ' 1.5 gb ' }, { maxFileSize: '100' },
  { parallel: 0 }, { parallel: 256 }, { parallel: 'auto' },
  { cache: true, cacheLocation: '.sonde/c.sqlite', ignoreTypeOnlyCycles: false },
  { failOn: 'never' }, { failOn: 'info' },
  { rules: {} },
  { rules: { complexity: 'off', 'max-depth': 'error', 'max-params': 'info:3', 'cognitive-complexity': '20', 'max-lines': 0, 'max-lines-per-function': 12.5 } },
  { rules: { complexity: 'warning:7.5', 'todo-comment': 'info', 'empty-catch': 'off', 'unused-export': 'warning', 'import-cycle': 'error' } },
  { rules: { complexity: { severity: 'error', threshold: 15, enabled: true }, 'todo-comment': { enabled: false }, 'max-depth': {} } },
];

const INVALID: unknown[] = [
  null, [], 'sonde', 3,
  { paralel: 2 }, { include: 'src/**' }, { include: [1] }, { exclude: [null] },
  { maxFileSize: -1 }, { maxFileSize: 1.5 }, { maxFileSize: 'huge' }, { maxFileSize: '2 parsecs' }, { maxFileSize: '2TB' }, { maxFileSize: true },
  { parallel: -1 }, { parallel: 257 }, { parallel: 1.5 }, { parallel: 'max' }, { parallel: '4' },
  { cache: 'yes' }, { cacheLocation: 3 }, { failOn: 'always' }, { ignoreTypeOnlyCycles: 1 }, { todoTags: 'TODO' },
  { rules: [] }, { rules: { nope: 'off' } }, { rules: { complexity: 'fatal' } }, { rules: { complexity: 'error:' } },
  { rules: { complexity: 'error:-1' } }, { rules: { complexity: '1e3' } }, { rules: { complexity: ' 5' } }, { rules: { complexity: -1 } },
  { rules: { complexity: true } }, { rules: { complexity: null } }, { rules: { complexity: ['error', 5] } },
  { rules: { complexity: { threshold: -1 } } }, { rules: { complexity: { severity: 'fatal' } } }, { rules: { complexity: { enabled: 'no' } } },
  { rules: { complexity: { level: 'error' } } },
  { rules: { 'todo-comment': 3 } }, { rules: { 'todo-comment': 'error:3' } }, { rules: { 'todo-comment': '3' } }, { rules: { 'todo-comment': { threshold: 3 } } },
];

describe('config schema', () => {
  it('the committed sonde.schema.json is the one generated from CONFIG_SHAPE', () => {
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (process.env.SONDE_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), generated, 'sonde.schema.json is stale: run the tests with SONDE_UPDATE_SCHEMA=1 to rewrite it');
  });

  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    assert.equal(ajv.validateSchema(configJsonSchema()), true, JSON.stringify(ajv.errors));
  });

  const ajv = new Ajv({ allErrors: true, strict: true });
  const ajvValidate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  const sondeAccepts = (config: unknown) => {
    try {
      validateConfig(config);
      return true;
    } catch (error) {
      if (error instanceof UserError) return false;
      throw error;
    }
  };

  for (const [label, configs, expected] of [['valid', VALID, true], ['invalid', INVALID, false]] as const) {
    for (const config of configs) {
      it(`ajv and sonde agree the config is ${label}: ${JSON.stringify(config)}`, () => {
        assert.equal(ajvValidate(config), expected, `ajv: ${JSON.stringify(ajvValidate.errors)}`);
        assert.equal(sondeAccepts(config), expected);
        assert.equal(checkShape(CONFIG_SHAPE, config).length === 0, expected);
      });
    }
  }
});
