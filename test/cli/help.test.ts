import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BENCH_FLAGS } from '../../src/cli/bench-args.js';
import { runCli } from '../../src/cli.js';
import { CACHE_FLAGS } from '../../src/cli/commands/cache.js';
import { GENERATE_FLAGS } from '../../src/cli/commands/generate.js';
import { WORKER_FLAGS } from '../../src/cli/commands/worker.js';
import { parseOptions, type Flag } from '../../src/cli/flag-table.js';
import { SCAN_FLAGS } from '../../src/cli/scan-args.js';
import { TUNE_FLAGS } from '../../src/cli/tune-args.js';
import { textWidth } from '../../src/text/index.js';
import { fakeIO } from '../helpers/fake-io.js';
import { REPO_ROOT } from '../helpers/temp-tree.js';

const TABLES: Readonly<Record<string, readonly Flag[]>> = {
  scan: SCAN_FLAGS,
  bench: BENCH_FLAGS,
  generate: GENERATE_FLAGS,
  cache: CACHE_FLAGS,
  tune: TUNE_FLAGS,
  worker: WORKER_FLAGS,
};

/** How a user looks a flag up in the help: `-p, --parallel N|auto`. */
function label(flag: Flag): string {
  return `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.type === 'string' ? ` ${flag.arg}` : ''}`;
}

/** `--help` of a command, through runCli as a user gets it. */
async function help(command: string): Promise<string> {
  const run = fakeIO({ cwd: REPO_ROOT });
  const argv = command === 'scan' ? ['--help'] : [command, '--help'];
  assert.equal(await runCli(argv, run.io), 0);
  return run.stdout;
}

/** The command a help line speaks of: a usage or example line of another command names it. */
function commandOfLine(line: string, own: string): string {
  return /\bsonde (bench|generate|cache|tune|worker)\b/.exec(line)?.[1] ?? own;
}

describe('flag tables and --help', () => {
  for (const [command, table] of Object.entries(TABLES)) {
    it(`${command}: every flag of the table is in the help, with its alias and argument`, async () => {
      const text = await help(command);
      for (const flag of table) assert.ok(text.includes(label(flag)), `${command} --help lacks ${label(flag)}`);
    });

    it(`${command}: every --flag the help mentions exists in its command's table`, async () => {
      const text = await help(command);
      for (const line of text.split('\n')) {
        const owner = commandOfLine(line, command);
        const names = new Set(TABLES[owner].map((flag) => flag.name));
        for (const [, name] of line.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)) {
          assert.ok(names.has(name), `${command} --help mentions --${name}, which ${owner} does not parse: ${line.trim()}`);
        }
        for (const [, short] of line.matchAll(/(?<![\w-])-([a-zA-Z]),? /g)) {
          assert.ok(TABLES[owner].some((flag) => flag.short === short), `${command} --help mentions -${short}: ${line.trim()}`);
        }
      }
    });

    it(`${command}: the parser accepts exactly the table's flags`, () => {
      const options = parseOptions(table) as Record<string, { type: string; short?: string; multiple: boolean }>;
      assert.deepEqual(Object.keys(options), table.map((flag) => flag.name));
      for (const flag of table) {
        assert.equal(options[flag.name].type, flag.type);
        assert.equal(options[flag.name].short, flag.short);
      }
      const shorts = table.flatMap((flag) => (flag.short ? [flag.short] : []));
      assert.equal(new Set(shorts).size, shorts.length, 'a short alias is used twice');
    });
  }

  it('lays every help out within 100 columns, descriptions in one column', async () => {
    for (const command of Object.keys(TABLES)) {
      for (const line of (await help(command)).split('\n')) assert.ok(textWidth(line) <= 100, `${command}: ${line}`);
    }
  });

  it('an unknown flag is a usage error, exit 2; scan -v prints the version', async () => {
    const run = fakeIO({ cwd: REPO_ROOT });
    assert.equal(await runCli(['scan', '--no-such-flag'], run.io), 2);
    assert.match(run.stderr, /Unknown option '--no-such-flag'/);
    const version = fakeIO({ cwd: REPO_ROOT });
    assert.equal(await runCli(['scan', '-v'], version.io), 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});
