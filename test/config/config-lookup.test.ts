import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { parseScanArgs } from '../../src/cli/scan-args.js';
import { findConfigFile } from '../../src/config/config-file.js';
import { UserError } from '../../src/errors.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

const COMPLEX = 'export function f(a: number) {\n  if (a > 1) return 1;\n  if (a > 2) return 2;\n  return 3;\n}\n';

describe('config file lookup', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));
  /** A repository (a `.git` folder at its top) with the given files. */
  const repo = (files: Record<string, string>) => {
    const root = makeTempTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
    roots.push(root);
    return root;
  };

  it('order: the scanned root, then the cwd and its parents up to the repository root; .json before .jsonc', () => {
    const root = repo({
      'sonde.config.jsonc': '{}',
      'packages/a/sonde.config.json': '{}',
      'packages/a/src/x.ts': '',
      'packages/b/src/sonde.config.jsonc': '{}',
      'packages/b/src/sonde.config.json': '{}',
    });
    const found = (scanned: string, cwd: string) => path.relative(root, findConfigFile(path.join(root, scanned), path.join(root, cwd))?.file ?? '(none)');
    assert.equal(found('packages/b/src', '.'), path.join('packages', 'b', 'src', 'sonde.config.json'), 'the scanned root first, .json before .jsonc');
    assert.equal(found('packages/a/src', '.'), 'sonde.config.jsonc', 'cwd = repository root');
    assert.equal(found('packages/a/src', 'packages/a/src'), path.join('packages', 'a', 'sonde.config.json'), 'nearest parent of the cwd');
    assert.equal(found('packages', 'packages/a/src'), path.join('packages', 'a', 'sonde.config.json'));
  });

  it('stops at the repository root', () => {
    const outer = makeTempTree({ 'sonde.config.json': '{}', 'repo/.git': 'gitdir: /elsewhere\n', 'repo/src/a.ts': '' });
    roots.push(outer);
    assert.equal(findConfigFile(path.join(outer, 'repo/src'), path.join(outer, 'repo/src')), undefined);
    assert.equal(findConfigFile(path.join(outer, 'repo/src'), outer)?.file, path.join(outer, 'sonde.config.json'), 'no repository: only the cwd itself');
  });

  it('`sonde scan src` from the repository root uses ./sonde.config.jsonc (comments, trailing commas, short forms)', async () => {
    const root = repo({
      'src/a.ts': COMPLEX,
      'sonde.config.jsonc': '{\n  // stricter in CI\n  "rules": { "complexity": "error:1", /* no TODOs */ "todo-comment": "off", },\n}\n',
    });
    const run = fakeIO({ cwd: root });
    assert.equal(await runCli(['scan', 'src', '--format', 'json', '--progress', 'none', '--parallel', '0'], run.io), 1);
    const findings = JSON.parse(run.stdout).files[0].findings as { rule: string; severity: string }[];
    assert.deepEqual(findings.map((finding) => [finding.rule, finding.severity]), [['complexity', 'error']]);
    const off = fakeIO({ cwd: root });
    assert.equal(await runCli(['scan', 'src', '--format', 'json', '--progress', 'none', '--parallel', '0', '--no-config'], off.io), 0, '--no-config ignores it');
  });

  it('a syntax error gives line and column, not the content', async () => {
    const root = repo({ 'src/a.ts': COMPLEX, 'sonde.config.jsonc': '{\n  // fine\n  "cacheLocation": "secret-value" "x"\n}\n' });
    const run = fakeIO({ cwd: root });
    assert.equal(await runCli(['scan', 'src', '--progress', 'none'], run.io), 2);
    assert.match(run.stderr, /sonde\.config\.jsonc: not valid JSON at line 3 column 35\n/);
    assert.doesNotMatch(run.stderr, /secret-value/);
  });

  it('every problem on its own line, repository text escaped', async () => {
    const root = repo({ 'src/a.ts': COMPLEX, 'sonde.config.json': JSON.stringify({ parallel: -1, rules: { 'evil\n\u001b[31m': 'off', complexity: { threshold: -1 } } }) });
    const run = fakeIO({ cwd: root });
    assert.equal(await runCli(['scan', 'src', '--progress', 'none'], run.io), 2);
    const lines = run.stderr.split('\n');
    assert.match(lines[0]!, /^sonde: .*sonde\.config\.json: 3 problems:$/);
    assert.equal(lines[1], '  parallel: expected a worker count 0–256 or "auto", got -1');
    assert.match(lines[2]!, /^  rules\.evil\\n\\x1b\[31m: unknown key; expected one of complexity, /);
    assert.equal(lines[3], '  rules.complexity.threshold: expected a number ≥ 0, got -1');
    assert.ok(!run.stderr.includes('\u001b'), 'no raw escape reaches the terminal');
  });

  it('a config found above the scanned root is still the repository\'s: untrusted', () => {
    const root = repo({ 'src/a.ts': '', 'sonde.config.json': JSON.stringify({ cacheLocation: '/tmp/elsewhere.sqlite', cache: true }) });
    assert.throws(() => parseScanArgs(['src'], root), (error: unknown) => error instanceof UserError && /cacheLocation.*must be inside the scanned folder/.test(error.message));
    writeFileSync(path.join(root, 'sonde.config.json'), JSON.stringify({ parallel: 256 }));
    const parsed = parseScanArgs(['src'], root);
    assert.equal(parsed.configPath, path.join(root, 'sonde.config.json'));
    assert.ok((parsed.scan.parallel as number) <= Math.max(1, availableParallelism()), 'bounded to the cores');
  });

  it('a found config that links out of the repository is not read', () => {
    const outside = makeTempTree({ 'secret.json': '{"cache": true}' });
    roots.push(outside);
    const root = repo({ 'src/a.ts': '' });
    symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'sonde.config.json'));
    assert.throws(() => parseScanArgs(['src'], root), /links out of the repository; it was not read/);
  });
});
