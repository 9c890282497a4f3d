/**
 * The interactive UI in a real terminal: tmux runs `sonde scan` at 80×24 as a
 * user would (stdout a TTY, CI unset), the test presses keys with
 * `send-keys` and reads the screen with `capture-pane`. Skipped when tmux is
 * not installed outside CI (CI installs it).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { requireProgram } from '../helpers/require-program.js';
import { privateTmux } from '../helpers/tmux.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const session = 'ui';
const { dir, tmux, waitForScreen, close } = privateTmux('sonde-tmux-', session);

/** Presses keys one at a time (tmux key names: Tab, Enter, Escape, Down…) and waits for the screen to show `expect`. */
async function press(keys: string[], expect: string | RegExp): Promise<string> {
  for (const key of keys) {
    tmux('send-keys', '-t', session, key);
    await new Promise((r) => setTimeout(r, 50));
  }
  return waitForScreen((s) => (typeof expect === 'string' ? s.includes(expect) : expect.test(s)), String(expect), 10_000);
}

describe('interactive UI in tmux (80×24)', { skip: requireProgram('tmux') }, () => {
  after(close);

  it('scans a fixture, switches tabs, opens details, and quits with q', async () => {
    const exitFile = path.join(dir, 'exit');
    const command = `cd ${JSON.stringify(repoRoot)} && env -u CI NO_COLOR=1 node bin/sonde.js scan fixtures/basic; echo $? > ${JSON.stringify(exitFile)}`;
    const started = tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    assert.equal(started.status, 0, 'tmux started the session');

    const summary = await waitForScreen((s) => s.includes('[1 Summary]'), 'the summary');
    assert.match(summary, /Files\s+6\s/);
    assert.match(summary, /Functions\s+10/);
    assert.match(summary, /Findings by rule/);
    const lines = summary.replace(/\n$/, '').split('\n');
    assert.ok(lines.length <= 24 && lines.every((l) => l.length <= 80), 'the screen fits 80×24');
    assert.match(lines[0], /^sonde .*basic · 6 files/, 'the header is on the first row (nothing scrolled away)');

    let text = await press(['2'], '[2 Hotspots]');
    assert.match(text, /cyc▼/);
    assert.match(text, /^› +\d+/m);

    text = await press(['Tab'], '[3 Findings]');
    assert.match(text, /grouped by rule/);

    text = await press(['4'], '[4 Files]');
    assert.match(text, /src\/parser\.ts/);
    text = await press(['s'], 'maxcyc▼');

    text = await press(['Enter'], /Functions \(\d+\), most complex first/);
    text = await press(['Escape', '5'], '[5 Directories]');
    assert.match(text, /src\/util/);

    text = await press(['6'], '[6 Profile]');
    assert.match(text, /Phases/);
    assert.match(text, /analyze/);

    // r rescans and comes back on the same tab (the frame tests in test/ui check tab and filter survive).
    text = await press(['r'], '[6 Profile]');
    text = await press(['1'], '[1 Summary]');
    assert.match(text, /Files\s+6\s/);

    text = await press(['?'], 'any key closes the help');
    text = await press(['x'], 'r rescan');
    assert.doesNotMatch(text, /any key closes/);
    tmux('send-keys', '-t', session, 'q');
    const deadline = Date.now() + 10_000;
    while (!existsSync(exitFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.ok(existsSync(exitFile), 'sonde exited after q');
    assert.equal(readFileSync(exitFile, 'utf8').trim(), '0');
    // The session ends a moment after its program: wait for that, not a fixed 300 ms.
    const ended = Date.now() + 5_000;
    while (tmux('has-session', '-t', session).status === 0 && Date.now() < ended) await new Promise((r) => setTimeout(r, 25));
    assert.notEqual(tmux('has-session', '-t', session).status, 0, 'the tmux session ended with the program');
  });
});
