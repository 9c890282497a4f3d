/**
 * Bulk suppressions and inline sonde-disable comments end to end, as a user
 * drives them: the first --suppress-all of the workflow through bin/sonde.js
 * in a child process, every later step through runCli in this process (the
 * same argv, exit codes, stdout and stderr; bin/ only wires a process to it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');
const { FORCE_COLOR: _force, ...ENV } = process.env;

/** `sonde scan …` as a user runs it: bin/sonde.js in a child process. */
function sondeBin(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, 'scan', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...ENV, NO_COLOR: '1', CI: 'true' },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The same through runCli in this process (exit code, stdout, stderr are all
 * runCli's; bin/ only wires the process to it): a child per scan cost ~0.4 s
 * of CPU in parser start-up, and this file runs twenty.
 */
async function sonde(args: string[], cwd: string) {
  const run = fakeIO({ cwd, env: { ...(ENV as Record<string, string>), NO_COLOR: '1', CI: 'true' } });
  const code = await runCli(['scan', ...args], run.io);
  return { code, stdout: run.stdout, stderr: run.stderr };
}

const COMPLEX = (name: string) => `export function ${name}(a: number, b: number) {\n  if (a) return 1;\n  if (b) return 2;\n  return a > b ? 3 : 4;\n}\n`;
const STRICT = ['--rule', 'complexity=warning:2', '--rule', 'unused-export=off', '--fail-on', 'warning', '--progress', 'none'];

describe('sonde scan: bulk suppressions (ESLint’s workflow)', () => {
  const root = makeTempTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'src/old.ts': COMPLEX('legacy') + COMPLEX('legacyToo'),
  });
  after(() => removeTree(root));
  const file = path.join(root, 'sonde-suppressions.json');
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number }>>;

  it('--suppress-all writes counts per file and rule, and the same run passes', async () => {
    assert.equal((await sonde(['.', ...STRICT], root)).code, 1, 'the existing code fails before');
    // As a user runs it: bin/sonde.js in a child process (the rest of the file goes through runCli).
    const run = sondeBin(['.', ...STRICT, '--suppress-all'], root);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(read(), { 'src/old.ts': { complexity: { count: 2 } } });
    assert.match(run.stderr, /wrote 1 suppression entries/);
  });

  it('a later scan finds the file itself: exit 0, "2 suppressed" in the summary, JSON marks them', async () => {
    const run = await sonde(['.', ...STRICT], root);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /findings\s+0\s+\(2 suppressed\)/);
    assert.doesNotMatch(run.stdout, /cyclomatic complexity of/, 'suppressed findings are not listed');
    const json = JSON.parse((await sonde(['.', ...STRICT, '--format', 'json'], root)).stdout) as { files: { path: string; findings: { suppressed?: boolean }[] }[] };
    assert.deepEqual(json.files.find((entry) => entry.path === 'src/old.ts')!.findings.map((entry) => entry.suppressed), [true, true]);
  });

  it('a new complex function fails, and only it is shown', async () => {
    writeFileSync(path.join(root, 'src/new.ts'), COMPLEX('fresh'));
    const run = await sonde(['.', ...STRICT, '--format', 'compact'], root);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trim().split('\n'), [`src/new.ts:1:8: warning Function 'fresh' has a cyclomatic complexity of 4 (max 2). [complexity]`]);
    removeTree(path.join(root, 'src/new.ts'));
  });

  it('--prune-suppressions after fixing one lowers the count; after fixing all, the entry goes', async () => {
    writeFileSync(path.join(root, 'src/old.ts'), COMPLEX('legacy') + 'export const legacyToo = 1;\n');
    assert.equal((await sonde(['.', ...STRICT, '--prune-suppressions'], root)).code, 0);
    assert.deepEqual(read(), { 'src/old.ts': { complexity: { count: 1 } } });
    writeFileSync(path.join(root, 'src/old.ts'), 'export const legacy = 1;\n');
    assert.equal((await sonde(['.', ...STRICT, '--prune-suppressions'], root)).code, 0);
    assert.deepEqual(read(), {});
  });

  it('--suppressions-location: from a subdirectory, keys are relative to the file; a missing one is an error', async () => {
    writeFileSync(path.join(root, 'src/old.ts'), COMPLEX('legacy'));
    const elsewhere = path.join(root, 'ci', 'supp.json');
    const written = await sonde(['src', ...STRICT, '--suppress-rule', 'complexity', '--suppressions-location', elsewhere], root);
    assert.equal(written.code, 0, written.stderr);
    assert.deepEqual(JSON.parse(readFileSync(elsewhere, 'utf8')), { '../src/old.ts': { complexity: { count: 1 } } });
    assert.equal((await sonde(['src', ...STRICT, '--suppressions-location', 'ci/supp.json'], root)).code, 0);
    const missing = await sonde(['src', ...STRICT, '--suppressions-location', 'ci/nope.json'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sonde: --suppressions-location .*nope\.json: no such file\./);
  });

  it('a bad suppressions file is a one-line error, exit 2', async () => {
    const cases: [string, RegExp][] = [
      ['{ "src/old.ts": { "complexity": 3 } }', /"src\/old\.ts" → "complexity": expected \{ "count": N \}/],
      ['{ not json', /not valid JSON/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(file, content);
      const run = await sonde(['.', ...STRICT], root);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr.split('\n')[0], message);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
    removeTree(file);
    symlinkSync('/dev/zero', file);
    const link = await sonde(['.', ...STRICT], root);
    assert.equal(link.code, 2);
    assert.match(link.stderr, /cannot read the suppressions file .*: it is a symbolic link/);
    removeTree(file);
  });

  it('contradictory flags and unknown rules are one-line errors', async () => {
    const run = await sonde(['.', '--suppress-all', '--prune-suppressions'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^sonde: --prune-suppressions cannot be combined/);
    const typo = await sonde(['.', '--suppress-rule', 'complexty'], root);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /^sonde: --suppress-rule complexty: unknown rule\. Did you mean 'complexity'\?/);
  });

  it('a committed link at the default location is not written through', async () => {
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'keep\n');
    symlinkSync(victim, file);
    const run = await sonde(['.', ...STRICT, '--suppress-all'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^sonde: cannot (read|write) the suppressions file .*: it is a symbolic link/);
    assert.equal(readFileSync(victim, 'utf8'), 'keep\n');
    removeTree(file);
  });
});

describe('sonde scan: inline sonde-disable comments', () => {
  const root = makeTempTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'src/a.ts': `// sonde-disable-next-line complexity -- parsed by hand\n${COMPLEX('parse')}// sonde-disable-next-line max-params\nexport const x = 1;\n`,
    'src/b.ts': `/* sonde-disable complexity */\n${COMPLEX('other')}`,
  });
  after(() => removeTree(root));

  it('covered findings are gone; the unused directive is a warning that fails --fail-on warning', async () => {
    const run = await sonde(['.', ...STRICT, '--format', 'compact'], root);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      "src/a.ts:7:1: warning Unused sonde-disable-next-line directive (no 'max-params' finding to suppress). [unused-disable-directive]",
    ]);
  });

  it('the same with the cache, cold then warm, and in parallel: the facts carry the directives', async () => {
    const args = ['.', ...STRICT, '--format', 'json', '--cache', '--cache-location', path.join(root, '.sonde', 'c.sqlite')];
    const cold = JSON.parse((await sonde(args, root)).stdout) as { files: unknown; findings: unknown };
    const warm = JSON.parse((await sonde([...args, '--parallel', '2'], root)).stdout) as { files: unknown; findings: unknown; summary: { cache: { hits: number } } };
    assert.equal(warm.summary.cache.hits, 2);
    assert.deepEqual(warm.files, cold.files);
    assert.deepEqual(warm.findings, cold.findings);
  });
});
