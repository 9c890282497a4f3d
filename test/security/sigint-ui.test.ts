/**
 * Ctrl-C in the interactive view (a real terminal under tmux): raw mode turns
 * it into a key, not a signal, and the scan must still end with 130 and one
 * "Scan interrupted." line (it used to exit 2, silently).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateProject } from '../../src/generate/index.js';
import { requireProgram } from '../helpers/require-program.js';
import { REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const socket = `sonde-sigint-ui-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Ctrl-C in the interactive scan view', { skip: requireProgram('tmux') }, () => {
  let dir = '';
  before(() => {
    dir = makeTempTree({}, 'sonde-sigint-ui-');
    // Large enough that the sequential scan is still running when Ctrl-C arrives.
    generateProject({ size: 1000, seed: 2, outDir: path.join(dir, 'project') });
  });
  after(() => {
    tmux('kill-server');
    removeTree(dir);
  });

  it('exits 130 within 2.5 s with one "Scan interrupted." line', async () => {
    const exitFile = path.join(dir, 'exit');
    const errFile = path.join(dir, 'stderr');
    const bin = path.join(REPO_ROOT, 'bin', 'sonde.js');
    const command = `env -u CI NO_COLOR=1 node ${JSON.stringify(bin)} scan ${JSON.stringify(path.join(dir, 'project'))} --no-cache --parallel 0 2> ${JSON.stringify(errFile)}; echo $? > ${JSON.stringify(exitFile)}`;
    assert.equal(tmux('new-session', '-d', '-s', 'ui', '-x', '80', '-y', '24', command).status, 0);
    const deadline = Date.now() + 60_000;
    while (!/phase: analyze/.test(tmux('capture-pane', '-p', '-t', 'ui').stdout)) {
      assert.ok(Date.now() < deadline && !existsSync(exitFile), 'the scan view never showed the analyze phase');
      await sleep(50);
    }
    tmux('send-keys', '-t', 'ui', 'C-c');
    const sent = performance.now();
    while (!existsSync(exitFile) && performance.now() - sent < 10_000) await sleep(25);
    const elapsed = performance.now() - sent;
    assert.ok(existsSync(exitFile), 'sonde did not exit');
    assert.ok(elapsed < 2500, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(readFileSync(exitFile, 'utf8').trim(), '130');
    // Ink restores the cursor on stderr; the rest is the one line.
    const lines = readFileSync(errFile, 'utf8').replace(/\u001b\[\?25[hl]/g, '').split('\n').filter(Boolean);
    assert.deepEqual(lines, ['sonde: Scan interrupted.']);
  });
});
