/**
 * `sonde scan --watch` in a real terminal: tmux runs it at 80×24, the test
 * saves files and reads the screen. The tabs follow each save: a new
 * hotspot appears, the file count moves, and q ends the watch. Skipped when
 * tmux is not installed outside CI.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { requireProgram } from '../helpers/require-program.js';
import { makeTempTree, removeTree, REPO_ROOT } from '../helpers/temp-tree.js';
import { privateTmux } from '../helpers/tmux.js';

const session = 'watch';
const { dir, tmux, waitForScreen, close } = privateTmux('sonde-tmux-watch-', session);

const complex = (name: string) =>
  `export function ${name}(a: number) {\n${Array.from({ length: 14 }, (_, i) => `  if (a === ${i}) return ${i};\n`).join('')}  return -1;\n}\n`;

describe('sonde scan --watch in tmux (80×24)', { skip: requireProgram('tmux') }, () => {
  after(close);

  it('updates the tabs as files are saved, and quits with q', async () => {
    const root = makeTempTree({ 'src/a.ts': 'export const a = 1;\n' });
    try {
      const exitFile = path.join(dir, 'exit');
      const command = `cd ${JSON.stringify(REPO_ROOT)} && env -u CI NO_COLOR=1 node bin/sonde.js scan ${JSON.stringify(root)} --watch; echo $? > ${JSON.stringify(exitFile)}`;
      assert.equal(tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command).status, 0);

      let screen = await waitForScreen((s) => s.includes('[1 Summary]') && s.includes('watching'), 'the first result');
      assert.match(screen, /Files\s+1\s/);

      writeFileSync(path.join(root, 'src/hot.ts'), complex('hotspotFn'));
      screen = await waitForScreen((s) => /Files\s+2\s/.test(s), 'the new file in the summary');
      assert.match(screen, /updated: src\/hot\.ts/);

      tmux('send-keys', '-t', session, '2');
      screen = await waitForScreen((s) => s.includes('[2 Hotspots]') && s.includes('hotspotFn'), 'the new hotspot');

      // A save that makes another function the top hotspot moves it into the list, on the same tab.
      writeFileSync(path.join(root, 'src/a.ts'), complex('risingFn'));
      screen = await waitForScreen((s) => s.includes('risingFn'), 'the edited file in the hotspots');
      assert.match(screen, /\[2 Hotspots\]/, 'the tab stays open across updates');

      tmux('send-keys', '-t', session, 'q');
      await waitForScreen(() => existsSync(exitFile), 'the exit');
      assert.equal(readFileSync(exitFile, 'utf8').trim(), '0');
    } finally {
      removeTree(root);
    }
  });
});
