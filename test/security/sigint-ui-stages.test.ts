/**
 * Ctrl-C in every interactive view and at every stage (a real terminal under
 * tmux) ends as a plain run's Ctrl-C does: exit 130 and its one message line.
 * Mid-scan is covered by sigint-ui.test.ts; here the scan's finished results,
 * and the bench view while measuring and on its results. It used to look
 * like `q`: exit 0 (or 2) and no message.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requireProgram } from '../helpers/require-program.js';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const socket = `sonde-sigint-stages-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const BIN = path.join(REPO_ROOT, 'bin', 'sonde.js');

describe('Ctrl-C in the interactive views, at every stage', { skip: requireProgram('tmux') }, () => {
  let dir = '';
  before(() => {
    dir = makeTempTree({
      'src/a.ts': "import { b } from './b';\nexport const a = (x: number): number => (x > 1 ? b(x - 1) : x);\n",
      'src/b.ts': "import { a } from './a';\nexport const b = (x: number): number => a(x);\n",
    }, 'sonde-sigint-stages-');
  });
  after(() => {
    tmux('kill-server');
    removeTree(dir);
  });

  /** Runs `args` in a 100×30 tmux pane, waits for `ready` on screen, presses Ctrl-C; returns exit code and stderr lines. */
  async function ctrlCWhen(name: string, args: string[], ready: RegExp): Promise<{ code: string; lines: string[] }> {
    const exitFile = path.join(dir, `${name}.exit`);
    const errFile = path.join(dir, `${name}.err`);
    rmSync(exitFile, { force: true });
    const quoted = args.map((a) => JSON.stringify(a)).join(' ');
    const command = `env -u CI NO_COLOR=1 node ${JSON.stringify(BIN)} ${quoted} 2> ${JSON.stringify(errFile)}; echo $? > ${JSON.stringify(exitFile)}`;
    assert.equal(tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', command).status, 0);
    const deadline = Date.now() + 60_000;
    let screen = '';
    while (!ready.test((screen = tmux('capture-pane', '-p', '-t', name).stdout))) {
      assert.ok(Date.now() < deadline && !existsSync(exitFile), `${name}: never showed ${ready}; screen:\n${screen}`);
      await sleep(50);
    }
    tmux('send-keys', '-t', name, 'C-c');
    while (!existsSync(exitFile) && Date.now() < deadline + 10_000) await sleep(25);
    assert.ok(existsSync(exitFile), `${name}: sonde did not exit`);
    // Ink restores the cursor on stderr; the rest is the message.
    const lines = readFileSync(errFile, 'utf8').replace(/\u001b\[\?25[hl]/g, '').split('\n').filter(Boolean);
    return { code: readFileSync(exitFile, 'utf8').trim(), lines };
  }

  it('scan view, on the finished results: 130 and "Scan interrupted."', async () => {
    const r = await ctrlCWhen('scan-done', ['scan', dir, '--no-cache', '--parallel', '0'], /1 Summary/);
    assert.equal(r.code, '130');
    assert.deepEqual(r.lines, ['sonde: Scan interrupted.']);
  });

  it('bench view, while measuring: 130 and the plain mode\'s "Benchmark interrupted."', async () => {
    const r = await ctrlCWhen('bench-running', ['bench', dir, '-s', 'sequential', '--runs', '50', '--warmup', '0'], /✓\d+/);
    assert.equal(r.code, '130');
    assert.deepEqual(r.lines, ['sonde: Benchmark interrupted.']);
  });

  it('bench view, on the results: 130 and "Benchmark interrupted."', async () => {
    const r = await ctrlCWhen('bench-done', ['bench', dir, '-s', 'sequential', '--runs', '1', '--warmup', '0'], /Recommendations/);
    assert.equal(r.code, '130');
    assert.deepEqual(r.lines, ['sonde: Benchmark interrupted.']);
  });
});
