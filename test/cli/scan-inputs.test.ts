import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

interface Report {
  root: string;
  files: { path: string }[];
  findings?: unknown[];
  skipped: { path: string; reason: string }[];
  warnings: string[];
}

async function sonde(cwd: string, argv: string[]) {
  const run = fakeIO({ cwd, env: {} });
  const code = await runCli(argv, run.io);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

async function scanJson(cwd: string, argv: string[]): Promise<Report> {
  const run = await sonde(cwd, ['scan', ...argv, '--format', 'json', '--progress', 'none']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

const unusedExports = (report: Report): string[] => [...(JSON.stringify(report).match(/'[^']+' is exported but never imported/g) ?? [])].sort();

describe('several paths, files and folders (issue 12)', () => {
  const root = makeTempTree({
    'src/x.ts': 'export const usedByLib = 1;\nexport const unused = 2;\n',
    'src/y.ts': "import { helper } from '../test/helper';\nexport const y = helper;\n",
    'test/helper.ts': 'export const helper = 3;\n',
    'lib/a.ts': "import { usedByLib } from '../src/x';\nexport default usedByLib;\n",
    'lib/b.ts': 'export const notNamed = 4;\n',
    'gen/ignored.ts': 'export const ignored = 5;\n',
    'gen/excluded.ts': 'export const excluded = 6;\n',
    'vendor/lib.ts': 'export const vendored = 7;\n',
    '.gitignore': 'gen/\n',
  });
  after(() => removeTree(root));

  it('scans the union from the common ancestor, with cross-file analysis over all of it', async () => {
    const report = await scanJson(root, ['src', 'test', 'lib/a.ts']);
    assert.equal(report.root, root);
    assert.deepEqual(report.files.map((f) => f.path), ['lib/a.ts', 'src/x.ts', 'src/y.ts', 'test/helper.ts']);
    // usedByLib is imported from lib/a.ts, helper from src/y.ts: only the truly unused remain.
    assert.ok(unusedExports(report).includes("'unused' is exported but never imported"));
    assert.ok(!unusedExports(report).some((m) => /usedByLib|helper/.test(m)), unusedExports(report).join('\n'));
  });

  it('one file: the root is its folder', async () => {
    const report = await scanJson(root, ['lib/b.ts']);
    assert.equal(report.root, `${root}/lib`);
    assert.deepEqual(report.files.map((f) => f.path), ['b.ts']);
  });

  it('a named file is scanned though .gitignore and --include leave it out; --exclude keeps it out with a warning', async () => {
    const run = await sonde(root, ['scan', 'src', 'gen/ignored.ts', 'gen/excluded.ts', '--include', 'src/**', '--exclude', 'gen/excluded.ts', '--format', 'json', '--progress', 'none']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Report;
    assert.deepEqual(report.files.map((f) => f.path), ['gen/ignored.ts', 'src/x.ts', 'src/y.ts']);
    assert.match(run.stderr, /warning: gen\/excluded\.ts is ignored by --exclude/);
    assert.ok(report.warnings.some((w) => w.startsWith('gen/excluded.ts is ignored')));
  });

  it('files and findings are the same in-process and in workers, cold and warm', async () => {
    const argv = ['src', 'test', 'lib/a.ts', 'vendor', '--cache', '--cache-location', `${root}/.sonde/inputs.sqlite`];
    const runs = [
      await scanJson(root, [...argv, '--parallel', '0']),
      await scanJson(root, [...argv, '--parallel', '2']),
      await scanJson(root, [...argv, '--parallel', '2']),
    ];
    for (const report of runs.slice(1)) {
      assert.deepEqual(report.files, runs[0]!.files);
      assert.deepEqual(unusedExports(report), unusedExports(runs[0]!));
      assert.equal(JSON.stringify((report as { findings?: unknown }).findings), JSON.stringify((runs[0] as { findings?: unknown }).findings));
    }
    assert.equal(runs[0]!.files.length, 5);
    assert.ok(unusedExports(runs[0]!).length > 0);
  });

  it('a missing file is one line and exit 2; a mistyped command still gets its suggestion', async () => {
    const missing = await sonde(root, ['scan', 'src', 'lib/nope.ts']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sonde: No such file: lib\/nope\.ts\n/);
    const typo = await sonde(root, ['scna', 'src']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /Did you mean 'scan'\?/);
  });
});
