import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { findRepoRoot } from '../../src/config/repo-root.js';
import { fakeIO } from '../helpers/fake-io.js';
import { FIXTURES, suiteTrees } from '../helpers/temp-tree.js';

const basic = path.join(FIXTURES, 'basic');
const QUIET = ['--progress', 'none', '--parallel', '0'];

/** runCli with captured streams; `env` adds to the CI-like defaults (NO_COLOR=1, CI=true). */
async function sonde(argv: string[], cwd: string, env: Record<string, string> = {}) {
  const run = fakeIO({ cwd, env });
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

describe('sonde in CI (issue 12)', () => {
  const tree = suiteTrees();

  describe('mistyped commands', () => {
    for (const [argv, word, suggestion] of [
      [['benchh'], 'benchh', 'bench'],
      [['scna', 'src'], 'scna', 'scan'],
      [['genrate', '--size', 'small'], 'genrate', 'generate'],
    ] as const) {
      it(`sonde ${argv.join(' ')} → did you mean '${suggestion}', exit 2`, async () => {
        const run = await sonde([...argv], basic);
        assert.equal(run.code, 2);
        assert.match(run.stderr, new RegExp(`^sonde: Unknown command '${word}'\\. Did you mean '${suggestion}'\\?\\n`));
        assert.equal(run.stdout, '');
      });
    }

    it('a directory whose name is close to a command is scanned, not corrected', async () => {
      const root = tree({ 'scna/a.ts': 'export const a = 1;\n' });
      const run = await sonde(['scna', '--format', 'compact', ...QUIET], root);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /Unknown command/);
    });

    it('a mistyped cache action', async () => {
      const run = await sonde(['cache', 'stat'], basic);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^sonde: Unknown cache action "stat"\. Did you mean 'stats'\?\n/);
    });

    it('a missing path close to no command stays "No such directory"', async () => {
      const run = await sonde(['no-such-folder'], basic);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /No such directory/);
    });
  });

  describe('bad flag values get sonde’s own one-line errors', () => {
    const table: [string[], RegExp][] = [
      [['--parallel', '-1'], /^sonde: --parallel -1: expected a worker count \(0–256\) or "auto"\n/],
      [['--parallel='], /^sonde: --parallel : expected a worker count/],
      [['--parallel', '0x2'], /^sonde: --parallel 0x2: expected a worker count/],
      [['--max-warnings', '-2'], /^sonde: --max-warnings -2: expected a whole number ≥ 0 \(or -1 for no limit\)\n/],
      [['--max-warnings', 'many'], /^sonde: --max-warnings many: expected a whole number ≥ 0 \(or -1 for no limit\)\n/],
      [['--max-warnings', ''], /^sonde: --max-warnings : expected a whole number ≥ 0/],
      [['--sample-interval', '0x10'], /^sonde: --sample-interval 0x10: expected a whole number ≥ 0\n/],
      [['--top', '2.5'], /^sonde: --top 2\.5: expected a whole number ≥ 0\n/],
      [['--format', 'junit'], /^sonde: --format junit: expected one of pretty, compact, github, json/],
      [['--format', 'githb'], /^sonde: --format githb: expected one of pretty, compact, github, .+\. Did you mean 'github'\?\n/],
      [['--fail-on', 'warn'], /^sonde: --fail-on warn: expected one of info, warning, error, never\. Did you mean 'warning'\?\n/],
      [['--paralel', '2'], /^sonde: Unknown option '--paralel'\. Did you mean '--parallel'\?\n$/],
      [['--max-warning', '2'], /^sonde: Unknown option '--max-warning'\. Did you mean '--max-warnings'\?\n$/],
      [['--format'], /^sonde: --format needs a value \(F\)\.\n$/],
      [['--color', '--no-color'], /^sonde: --color and --no-color contradict each other/],
    ];
    for (const [argv, expected] of table) {
      it(argv.join(' '), async () => {
        const run = await sonde(['scan', '.', ...argv], basic);
        assert.equal(run.code, 2);
        assert.match(run.stderr, expected);
        assert.doesNotMatch(run.stderr, /ambiguous|To specify|ERR_PARSE_ARGS|\n {4}at /);
      });
    }
  });

  describe('--max-warnings', () => {
    it('exits 1 with a line on stderr when the warnings pass N, 0 at or under it', async () => {
      const all = await sonde(['scan', '.', '--format', 'compact', ...QUIET], basic);
      const warnings = all.stdout.split('\n').filter((line) => / warning /.test(line)).length;
      assert.ok(warnings >= 2, all.stdout);
      const over = await sonde(['scan', '.', '--format', 'compact', '--max-warnings', String(warnings - 1), ...QUIET], basic);
      assert.equal(over.code, 1);
      assert.match(over.stderr, new RegExp(`^sonde: ${warnings} warnings, more than --max-warnings ${warnings - 1} allows\\.\\n$`));
      const at = await sonde(['scan', '.', '--format', 'compact', '--max-warnings', String(warnings), ...QUIET], basic);
      assert.equal(at.code, 0, at.stderr);
      assert.equal(at.stderr, '');
    });

    it('-1 is ESLint\'s "no limit"', async () => {
      const run = await sonde(['scan', '.', '--format', 'compact', '--max-warnings', '-1', ...QUIET], basic);
      assert.equal(run.code, 0, run.stderr);
    });

    it('works with --fail-on never, and --quiet hides warnings without letting them pass', async () => {
      const run = await sonde(['scan', '.', '--format', 'compact', '--fail-on', 'never', '--max-warnings', '0', '--quiet', ...QUIET], basic);
      assert.equal(run.code, 1);
      assert.doesNotMatch(run.stdout, / warning /);
      assert.match(run.stderr, /more than --max-warnings 0/);
    });
  });

  describe('--quiet', () => {
    it('reports errors only, in every format', async () => {
      const root = tree({
        'a.ts': 'export function f() { try { g(); } catch {} }\n// TODO later\nexport function g(a: any) { return a; }\n',
        'sonde.config.json': JSON.stringify({ rules: { 'empty-catch': 'error' } }),
      });
      const loud = await sonde(['scan', '.', '--format', 'compact', ...QUIET], root);
      assert.match(loud.stdout, / (warning|info) /);
      const compact = await sonde(['scan', '.', '--format', 'compact', '--quiet', ...QUIET], root);
      assert.equal(compact.code, 1);
      assert.deepEqual(compact.stdout.trimEnd().split('\n').map((line) => line.split(' ')[1]), ['error']);
      const json = JSON.parse((await sonde(['scan', '.', '--format', 'json', '--quiet', ...QUIET], root)).stdout) as {
        files: { findings: { severity: string }[] }[];
        summary: { findings: number };
      };
      assert.deepEqual(json.files.flatMap((file) => file.findings.map((finding) => finding.severity)), ['error']);
      assert.equal(json.summary.findings, 1);
    });
  });

  describe('paths', () => {
    const files = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'packages/app/src/a.ts': '// TODO one\nexport function f(a: any) { try { return a; } catch {} }\n',
      'packages/app/src/deep/b.ts': '// TODO two\nexport const b = 1;\n',
      'packages/app/src/with space,comma.ts': '// TODO three\nexport const c = 2;\n',
    };

    it('findRepoRoot: the nearest folder with .git, without running git', () => {
      const root = tree(files);
      assert.equal(findRepoRoot(path.join(root, 'packages/app/src')), root);
      assert.equal(findRepoRoot(root), root);
      const bare = tree({ 'x/a.ts': '' });
      assert.equal(findRepoRoot(path.join(bare, 'x')), undefined);
    });

    it('SARIF of a subdirectory scan: %SRCROOT% is the repository root, every result points to a file that exists from it', async () => {
      const root = tree(files);
      const cwd = path.join(root, 'packages');
      const run = await sonde(['scan', 'app/src', '--format', 'sarif', '--fail-on', 'never', ...QUIET], cwd);
      assert.equal(run.code, 0, run.stderr);
      const log = JSON.parse(run.stdout) as {
        runs: {
          originalUriBaseIds: Record<string, { uri: string }>;
          results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
        }[];
      };
      const [sarifRun] = log.runs;
      const base = sarifRun.originalUriBaseIds['%SRCROOT%'].uri;
      assert.equal(base, `${pathToFileURL(root).href}/`);
      assert.ok(base.endsWith('/'));
      assert.ok(sarifRun.results.length >= 3, run.stdout);
      for (const result of sarifRun.results) {
        const location = result.locations[0].physicalLocation.artifactLocation;
        assert.equal(location.uriBaseId, '%SRCROOT%');
        assert.match(location.uri, /^packages\/app\/src\//);
        const file = new URL(location.uri, base);
        assert.ok(existsSync(file), `${location.uri} does not exist from ${base}`);
      }
    });

    it('without .git, SARIF falls back to the working directory', async () => {
      const root = tree({ 'sub/a.ts': '// TODO x\nexport const a = 1;\n' });
      const run = await sonde(['scan', 'sub', '--format', 'sarif', '--fail-on', 'never', ...QUIET], root);
      const log = JSON.parse(run.stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(root).href}/`);
      assert.ok(log.runs[0].results.every((result) => result.locations[0].physicalLocation.artifactLocation.uri.startsWith('sub/')));
    });

    it('pretty, compact and github print paths relative to the working directory', async () => {
      const root = tree(files);
      for (const format of ['pretty', 'compact', 'github']) {
        const run = await sonde(['scan', 'packages/app/src', '--format', format, '--fail-on', 'never', ...QUIET], root);
        assert.match(run.stdout, /packages\/app\/src\/deep\/b\.ts/, format);
        const inner = await sonde(['scan', '.', '--format', format, '--fail-on', 'never', ...QUIET], path.join(root, 'packages/app/src/deep'));
        assert.match(inner.stdout, /(^|[\s=])b\.ts/m, format);
        assert.doesNotMatch(inner.stdout, /deep\/b\.ts/, format);
      }
    });

    it('JSON keeps paths relative to the scan root and adds the absolute root', async () => {
      const root = tree(files);
      const run = await sonde(['scan', 'packages/app', '--format', 'json', '--fail-on', 'never', ...QUIET], root);
      const report = JSON.parse(run.stdout) as { schemaVersion: number; root: string; files: { path: string }[] };
      assert.equal(report.schemaVersion, 1);
      assert.equal(report.root, path.join(root, 'packages/app'));
      assert.ok(report.files.some((file) => file.path === 'src/deep/b.ts'));
    });
  });

  describe('no file matched', () => {
    it('--include that matches nothing exits 2 and shows the patterns', async () => {
      const run = await sonde(['scan', '.', '--include', 'nomatch/**', '--include', 'nope/*.ts', ...QUIET], basic);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^sonde: No files matched 'nomatch\/\*\*', 'nope\/\*\.ts' in .+\.\n  .*--no-error-on-unmatched-pattern/m);
      assert.equal(run.stdout, '');
    });

    it('an empty directory names the default extensions', async () => {
      const root = tree({ 'README.md': '# nothing to scan\n' });
      const run = await sonde(['scan', '.', ...QUIET], root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /No files matched the source extensions \(\.ts, .+\)/);
    });

    it('--no-error-on-unmatched-pattern accepts an empty scan', async () => {
      const run = await sonde(['scan', '.', '--include', 'nomatch/**', '--no-error-on-unmatched-pattern', '--format', 'json', ...QUIET], basic);
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { summary: { files: number } }).summary.files, 0);
    });
  });

  describe('colour', () => {
    const ESC = '\u001b[';
    const table: [string, string[], Record<string, string>, boolean][] = [
      ['a pipe has no colour', [], {}, false],
      ['--color on a pipe, over NO_COLOR', ['--color'], {}, true],
      ['FORCE_COLOR=1 on a pipe', [], { FORCE_COLOR: '1', NO_COLOR: '' }, true],
      ['NO_COLOR over FORCE_COLOR=1', [], { FORCE_COLOR: '1' }, false],
      ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, false],
      ['--no-color over FORCE_COLOR=3', ['--no-color'], { FORCE_COLOR: '3', NO_COLOR: '' }, false],
    ];
    for (const [name, flags, env, colored] of table) {
      it(name, async () => {
        const run = await sonde(['scan', '.', '--fail-on', 'never', ...flags, ...QUIET], basic, env);
        assert.equal(run.stdout.includes(ESC), colored);
      });
    }
  });

  describe('human output that is not a terminal', () => {
    it('neither truncates paths nor wraps messages (grep sees whole lines)', async () => {
      const longDir = 'a-folder-with-a-rather-long-name/and-another-level-below-it/and-yet-one-more';
      const longName = `handle${'VeryLong'.repeat(12)}Event`;
      const root = tree({ [`${longDir}/module.ts`]: `export function ${longName}(a: number) { if (a) { return 1; } return 2; }\n` });
      const run = await sonde(['scan', '.', '--rule', 'complexity=warning:1', '--fail-on', 'never', ...QUIET], root);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /…/);
      assert.ok(run.stdout.includes(`${longDir}/module.ts:1`), 'hotspot location cut');
      const message = `Function '${longName}' has a cyclomatic complexity of 2 (max 1).`;
      assert.ok(run.stdout.split('\n').some((line) => line.includes(message)), run.stdout);
    });
  });

  describe('warnings reach stderr', () => {
    for (const progress of ['none', 'plain']) {
      it(`with --progress ${progress}`, async () => {
        const run = await sonde(
          ['scan', '.', '--format', 'compact', '--cache', '--cache-location', 'redis://127.0.0.1:1', '--fail-on', 'never', '--parallel', '0', '--progress', progress],
          basic,
        );
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /sonde: warning: Cache disabled/);
        if (progress === 'none') assert.doesNotMatch(run.stderr, /scanning|done:/);
      });
    }
  });
});
