import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUserError } from '../../src/errors.js';
import type { Flag } from '../../src/cli/flag-table.js';
import { parseFlags } from '../../src/cli/parse-flags.js';

const TABLE = [
  { name: 'parallel', short: 'p', type: 'string', arg: 'N|auto', description: 'workers' },
  { name: 'format', short: 'f', type: 'string', arg: 'F', description: 'format' },
  { name: 'include', type: 'string', arg: 'GLOB', multiple: true, description: 'include' },
  { name: 'cache', type: 'boolean', description: 'cache' },
  { name: 'help', short: 'h', type: 'boolean', description: 'help' },
  { name: 'version', short: 'v', type: 'boolean', description: 'version' },
] as const satisfies readonly Flag[];

const context = { helpCommand: 'sonde --help' };

/** The one-line message (and hint) a bad argv gets. */
function failure(argv: string[], positionals = true): { message: string; hint?: string } {
  try {
    parseFlags(TABLE, argv, { ...context, positionals });
  } catch (error) {
    assert.ok(isUserError(error), `not a UserError: ${String(error)}`);
    assert.equal(error.code, 'INVALID_OPTION');
    return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  assert.fail(`accepted: ${argv.join(' ')}`);
}

describe('parseFlags', () => {
  describe('valid', () => {
    const table: [string[], Record<string, unknown>, string[]][] = [
      [['--parallel', '4', 'src'], { parallel: '4' }, ['src']],
      [['-p', '2'], { parallel: '2' }, []],
      [['-p2'], { parallel: '2' }, []],
      [['--parallel=auto'], { parallel: 'auto' }, []],
      // A negative number is the flag's value, for the flag's own check to reject with its own words.
      [['--parallel', '-1'], { parallel: '-1' }, []],
      [['-p', '-1'], { parallel: '-1' }, []],
      [['--include', 'a/**', '--include', 'b/**'], { include: ['a/**', 'b/**'] }, []],
      [['-hv'], { help: true, version: true }, []],
      [['--cache', '--', '--not-a-flag'], { cache: true }, ['--not-a-flag']],
      [['-f', '-'], { format: '-' }, []],
    ];
    for (const [argv, values, positionals] of table) {
      it(argv.join(' '), () => {
        const parsed = parseFlags(TABLE, argv, context);
        assert.deepEqual({ ...parsed.values }, values);
        assert.deepEqual(parsed.positionals, positionals);
      });
    }
  });

  describe('invalid: one line of sonde’s own, never Node’s', () => {
    const table: [string[], string, boolean][] = [
      [['--paralel', '2'], "Unknown option '--paralel'. Did you mean '--parallel'?", false],
      [['--fromat=json'], "Unknown option '--fromat'. Did you mean '--format'?", false],
      [['--frobnicate'], "Unknown option '--frobnicate'.", true],
      [['-x'], "Unknown option '-x'.", true],
      [['-cache'], "Unknown option '-cache'. Did you mean '--cache'?", false],
      [['--parallel'], '--parallel needs a value (N|auto).', false],
      [['--parallel', '--cache'], "--parallel needs a value (N|auto), got the option '--cache'.", false],
      [['-p'], '--parallel needs a value (N|auto).', false],
      [['--cache=yes'], "--cache takes no value; drop '=yes'.", false],
    ];
    for (const [argv, message, hasHint] of table) {
      it(argv.join(' '), () => {
        const error = failure(argv);
        assert.equal(error.message, message);
        assert.doesNotMatch(error.message, /\n|To specify a positional argument|ERR_PARSE_ARGS/);
        assert.equal(error.hint !== undefined, hasHint, `hint: ${error.hint}`);
        if (hasHint) assert.equal(error.hint, 'Run `sonde --help` for the list of options.');
      });
    }

    it('a positional where the command takes none', () => {
      assert.equal(failure(['extra'], false).message, "Unexpected argument 'extra'.");
    });
  });
});
