import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { DoneScreen } from '../../src/ui/done/DoneScreen.js';
import type { NavCommand } from '../../src/ui/done/navigation.js';
import { createTheme, ThemeContext } from '../../src/ui/kit/theme.js';
import type { ScanResult } from '../../src/types.js';
import { emptyResult, largeResult, sampleResult } from './fixtures.js';
import { stripAnsi, waitFor } from './terminal.js';

function mount(result: ScanResult, size = { width: 80, height: 24 }, color = false) {
  const commands: NavCommand[] = [];
  const app = render(
    <ThemeContext.Provider value={createTheme(color)}>
      <DoneScreen result={result} width={size.width} height={size.height} onCommand={(c) => commands.push(c)} />
    </ThemeContext.Provider>,
  );
  const frame = () => stripAnsi(app.lastFrame() ?? '');
  /**
   * Sends keys one by one, each once the previous one has changed the frame,
   * and waits until the frame shows `expect`. Waiting for a change (not a
   * pause) keeps it right under load: every key used here changes the frame.
   */
  const keys = async (input: string[], expect: string) => {
    for (const k of input) {
      const before = app.lastFrame();
      app.stdin.write(k);
      await waitFor(app.lastFrame, (f) => f !== stripAnsi(before ?? ''));
    }
    return waitFor(app.lastFrame, (f) => f.includes(expect));
  };
  return { app, frame, keys, commands };
}

const DOWN = '\u001B[B';

describe('done screen', () => {
  afterEach(cleanup);

  it('opens on the Summary tab and fits 80×24', () => {
    const { frame } = mount(sampleResult());
    const text = frame();
    assert.match(text, /\[1 Summary\]/);
    assert.match(text, /Files\s+5\s+1 skipped · 1 with errors/);
    assert.match(text, /Findings\s+6\s+2 errors · 2 warnings · 2 info/);
    assert.match(text, /complexity\s+2/);
    const lines = text.split('\n');
    assert.ok(lines.length <= 23, `frame has ${lines.length} lines`);
    assert.ok(lines.every((l) => l.length <= 80), 'a line is wider than 80 columns');
  });

  it('shows each tab', async () => {
    const { keys } = mount(sampleResult());
    let text = await keys(['2'], '[2 Hotspots]');
    assert.match(text.split('\n')[3], /›\s+24\s+41\s+5\s+120\s+runEngine\s+src\/core\/engine\.ts:10/);
    text = await keys(['\t'], '[3 Findings]');
    assert.match(text, /cognitive-complexity \(1\)/);
    assert.match(text, /error\s+src\/core\/engine\.ts:10:1/);
    text = await keys(['\t'], '[4 Files]');
    assert.match(text, /broken\.bin\.js\s+✗ binary file/);
    text = await keys(['5'], '[5 Directories]');
    assert.match(text, /4\s+690\s+6\s+24\s+6\s+src\n/);
    text = await keys(['6'], '[6 Profile]');
    assert.match(text, /Memory \(RSS\)\s+peak 119 MB/);
    assert.match(text, /analyze\s+900 ms\s+█+/);
    assert.match(text, /#1\s+3 files\s+89%/);
  });

  it('groups findings by file with g', async () => {
    const { keys } = mount(sampleResult());
    await keys(['3'], '[3 Findings]');
    const text = await keys(['g'], 'grouped by file');
    assert.match(text, /› src\/core\/engine\.ts \(2\)/);
    assert.match(text, /error\s+10:1\s+cognitive-complexity:/);
  });

  it('sorts files with s and moves with j / arrows', async () => {
    const { keys } = mount(sampleResult());
    await keys(['4'], '[4 Files]');
    let text = await keys(['s', 's'], 'finds▼');
    text = await keys(['s'], 'path▼');
    const rows = text.split('\n').slice(3, 8).map((l) => /\s(\S+\.(?:ts|js))/.exec(l)?.[1]);
    assert.deepEqual(rows, ['index.ts', 'src/core/engine.ts', 'src/core/parse.ts', 'src/util/broken.bin.js', 'src/util/strings.ts']);
    text = await keys(['j', DOWN], '3/5');
    assert.match(text, /› .*src\/core\/parse\.ts/);
  });

  it('opens a file’s details with Enter and goes back with Esc', async () => {
    const { keys } = mount(sampleResult());
    await keys(['4'], '[4 Files]');
    let text = await keys(['\r'], 'Functions (2)');
    assert.match(text, /src\/core\/engine\.ts · 420 lines/);
    assert.match(text, /10\s+24\s+41\s+5\s+1\s+120\s+runEngine/);
    assert.match(text, /cognitive-complexity: Function 'runEngine'/);
    text = await keys(['\u001B'], 'lines▼');
    assert.doesNotMatch(text, /Functions \(2\)/);
  });

  it('handles keys that arrive together in one chunk', async () => {
    const { keys } = mount(sampleResult());
    const text = await keys(['4j\r'], 'Functions (2)');
    assert.match(text, /src\/core\/parse\.ts · 210 lines/);
  });

  it('shows a per-file error in the details', async () => {
    const { keys } = mount(sampleResult());
    await keys(['4', 'G'], '5/5');
    const text = await keys(['\r'], '✗ binary:');
    assert.match(text, /✗ binary: binary file/);
  });

  it('filters the list with /', async () => {
    const { keys } = mount(sampleResult());
    await keys(['4'], '[4 Files]');
    let text = await keys(['/', 'u', 't', 'i', 'l'], 'filter "util"');
    assert.match(text, /\/util▏/);
    text = await keys(['\r'], '1/2');
    assert.doesNotMatch(text, /engine\.ts/);
    assert.match(text, /strings\.ts/);
    // `/` edits the current filter.
    text = await keys(['/', 'z', '\r'], 'Nothing matches "utilz"');
    text = await keys(['\u001B'], '1/5');
    assert.doesNotMatch(text, /filter "/);
  });

  it('shows and closes the help overlay', async () => {
    const { keys } = mount(sampleResult());
    const text = await keys(['?'], 'Keys');
    assert.match(text, /rescan/);
    assert.match(text, /any key closes the help/);
    await keys(['x'], '[1 Summary]');
    const after = await keys([], 'q quit');
    assert.doesNotMatch(after, /any key closes/);
  });

  it('sends quit and rescan to the controller', async () => {
    const { app, commands } = mount(sampleResult());
    app.stdin.write('r');
    app.stdin.write('q');
    await waitFor(() => String(commands.length), (n) => n === '2');
    assert.deepEqual(commands, ['rescan', 'quit']);
  });

  it('explains an empty repository', async () => {
    const { frame, keys } = mount(emptyResult());
    assert.match(frame(), /No JavaScript or TypeScript files found\./);
    assert.match(await keys(['4'], '[4 Files]'), /Nothing to show\./);
    assert.match(await keys(['2'], '[2 Hotspots]'), /No functions found\./);
    assert.match(await keys(['3'], '[3 Findings]'), /No findings\./);
  });

  it('windows a long list to the terminal height and scrolls with the cursor', async () => {
    const { keys, app } = mount(largeResult(300));
    let text = await keys(['4'], '1/300');
    assert.equal(text.split('\n').length, 23);
    text = await keys(['\u001B[6~', '\u001B[6~'], '39/300');
    const selected = text.split('\n').find((l) => l.startsWith('›'));
    assert.ok(selected, 'the selected row is visible');
    assert.equal(text.split('\n').length, 23);
    // A taller terminal shows more rows.
    app.rerender(<DoneScreen result={largeResult(300)} width={100} height={40} onCommand={() => {}} />);
    const tall = await waitFor(app.lastFrame, (f) => f.split('\n').length === 39);
    assert.ok(tall.split('\n').some((l) => l.length > 80), 'wider rows after the resize');
  });

  it('uses colour only when asked', () => {
    const plain = mount(sampleResult(), undefined, false).app.lastFrame() ?? '';
    assert.doesNotMatch(plain, /\u001B\[/);
  });
});
