import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const basic = path.join(FIXTURES, 'basic');
const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('runCli', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  it('prints the version and the help, exit 0', async () => {
    const v = fakeIO({ cwd: basic });
    assert.equal(await runCli(['--version'], v.io), 0);
    assert.equal(v.stdout, `${version}\n`);
    const h = fakeIO({ cwd: basic });
    assert.equal(await runCli(['--help'], h.io), 0);
    assert.match(h.stdout, /Usage/);
    assert.match(h.stdout, /--parallel N\|auto/);
    assert.match(h.stdout, /Examples/);
  });

  it('a missing root is one clear line and a hint, exit 2, no stack', async () => {
    const run = fakeIO({ cwd: basic });
    assert.equal(await runCli(['scan', 'does-not-exist'], run.io), 2);
    assert.match(run.stderr, /^sonde: No such directory: \S*does-not-exist\n  .+\n$/);
    assert.doesNotMatch(run.stderr, /at .+\.js:\d+/);
  });

  it('a path that is neither a folder nor a source file is a usage error', async () => {
    const run = fakeIO({ cwd: basic });
    assert.equal(await runCli(['package.json'], run.io), 2);
    assert.match(run.stderr, /Not a directory or a JavaScript\/TypeScript file: package\.json/);
  });

  it('unknown options and bad values are usage errors, exit 2', async () => {
    for (const argv of [['--frobnicate'], ['--parallel', 'many'], ['--format', 'xml'], ['--fail-on', 'panic'], ['--rule', 'x=1']]) {
      const run = fakeIO({ cwd: basic });
      assert.equal(await runCli(argv, run.io), 2, argv.join(' '));
      assert.match(run.stderr, /^sonde: /);
    }
  });

  it('a bad config file names the file and the path of the bad value', async () => {
    const root = makeTempTree({ 'a.ts': 'export const a = 1;\n', 'sonde.config.json': '{"rules":{"complexity":{"threshold":-1}}}' });
    roots.push(root);
    const run = fakeIO({ cwd: root });
    assert.equal(await runCli(['scan', '.', '--no-ui'], run.io), 2);
    assert.match(run.stderr, /sonde\.config\.json: rules\.complexity\.threshold: expected a number ≥ 0, got -1/);
  });

  it('--format json prints the report contract on stdout, progress on stderr', async () => {
    const run = fakeIO({ cwd: basic });
    const code = await runCli(['scan', '.', '--format', 'json', '--parallel', '0'], run.io);
    assert.equal(code, 0);
    const report = JSON.parse(run.stdout);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.tool.name, 'sonde');
    assert.equal(report.tool.version, version);
    assert.equal(report.summary.strategy, 'sequential');
    assert.deepEqual(
      report.files.map((file: { path: string }) => file.path),
      ['src/index.ts', 'src/legacy.js', 'src/parser.ts', 'src/util/format.ts', 'src/util/normalize.ts', 'src/view.tsx'],
    );
    assert.match(run.stderr, /sonde: scanning 6 files/);
  });

  it('--fail-on decides the exit code; --output writes the report to a file', async () => {
    const root = makeTempTree({});
    roots.push(root);
    const output = path.join(root, 'out', 'report.sarif');
    const run = fakeIO({ cwd: basic });
    assert.equal(await runCli(['scan', '.', '--format', 'sarif', '--output', output, '--fail-on', 'warning', '--progress', 'none'], run.io), 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
    assert.equal(JSON.parse(readFileSync(output, 'utf8')).version, '2.1.0');
    const lenient = fakeIO({ cwd: basic });
    assert.equal(await runCli(['scan', '.', '--format', 'json', '--fail-on', 'error', '--progress', 'none'], lenient.io), 0);
  });

  it('--rule and sonde.config.json change findings and severities', async () => {
    const root = makeTempTree({
      'a.ts': 'export function f(a: number) { if (a) { return 1; } return 2; }\n',
      'sonde.config.json': JSON.stringify({ rules: { complexity: { severity: 'error', threshold: 1 } } }),
    });
    roots.push(root);
    const strict = fakeIO({ cwd: root });
    assert.equal(await runCli(['--format', 'json', '--progress', 'none'], strict.io), 1);
    const findings = JSON.parse(strict.stdout).files[0].findings;
    assert.deepEqual(findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [['complexity', 'error']]);
    const relaxed = fakeIO({ cwd: root });
    assert.equal(await runCli(['--format', 'json', '--progress', 'none', '--rule', 'complexity=off'], relaxed.io), 0);
    writeFileSync(path.join(root, 'sonde.config.json'), '{ not json');
    const broken = fakeIO({ cwd: root });
    assert.equal(await runCli(['--format', 'json'], broken.io), 2);
    assert.match(broken.stderr, /not valid JSON/);
  });

  it('--progress ndjson writes one JSON event per line on stderr', async () => {
    const run = fakeIO({ cwd: basic });
    await runCli(['scan', '--format', 'json', '--progress', 'ndjson', '--parallel', '0'], run.io);
    const events = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    const types = new Set(events.map((event) => event.type));
    for (const type of ['phase:start', 'files:discovered', 'scan:start', 'file:done', 'scan:done']) assert.ok(types.has(type), type);
    assert.equal(events.filter((event) => event.type === 'file:done').length, 6);
    assert.equal(events.at(-1)!.type, 'scan:done');
  });

  it('an aborted scan exits 130 with a clear message', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = fakeIO({ cwd: basic, signal: controller.signal });
    assert.equal(await runCli(['scan', '--format', 'json', '--parallel', '0', '--progress', 'none'], run.io), 130);
    assert.match(run.stderr, /Scan interrupted/);
  });
});
