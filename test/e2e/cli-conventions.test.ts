import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');
const LONG_NAME = `handle${'VeryLong'.repeat(12)}Event`;

/** An inherited FORCE_COLOR (even empty) would colour the output under test. */
function withoutForceColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}

/** bin/sonde.js as a CI job runs it: stdout and stderr are pipes. */
function sonde(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...withoutForceColor(process.env), NO_COLOR: '1', CI: 'true', ...env },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/sonde.js: CLI conventions (issue 12)', () => {
  const longDir = 'packages/a-package-with-a-long-name/src/and-a-deeply-nested-folder/for-grep';
  const root = makeTempTree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    [`${longDir}/handler.ts`]: `// TODO later\nexport function ${LONG_NAME}(a: number) { return a ? 1 : 2; }\n`,
  });
  after(() => removeTree(root));

  it('a mistyped command: one line with the suggestion, exit 2', () => {
    const run = sonde(['scna', 'packages'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^sonde: Unknown command 'scna'\. Did you mean 'scan'\?\n/);
    assert.doesNotMatch(run.stderr, /Expected one path|No such directory/);
  });

  it('a bad value: sonde’s message, not Node’s', () => {
    const run = sonde(['scan', '.', '--parallel', '-1'], root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.split('\n')[0], 'sonde: --parallel -1: expected a worker count (0–256) or "auto"');
  });

  it('piped pretty output: paths from the working directory, whole, and messages on one line', () => {
    const run = sonde(['scan', 'packages', '--rule', 'complexity=warning:1', '--fail-on', 'never', '--progress', 'none'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.split('\n').includes(`${longDir}/handler.ts`), run.stdout);
    assert.doesNotMatch(run.stdout, /…/);
    const message = `Function '${LONG_NAME}' has a cyclomatic complexity of 2 (max 1).`;
    assert.ok(run.stdout.split('\n').some((line) => line.includes(message)), 'the message was wrapped');
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });

  it('--format github from a subdirectory: file= is relative to the working directory', () => {
    const run = sonde(['scan', '.', '--format', 'github', '--fail-on', 'never', '--progress', 'none'], path.join(root, 'packages'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^::notice file=${longDir.slice('packages/'.length)}/handler\\.ts,line=1,col=\\d+,title=todo-comment::`, 'm'));
  });
});
