import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { formatBaselineComparison } from '../../src/bench/report/format-baseline.js';
import { runCli } from '../../src/cli.js';
import { createPlainBenchListener } from '../../src/listeners/bench-plain-progress.js';
import { createScanOptions, scan } from '../../src/index.js';
import type { ScanResult } from '../../src/types.js';
import { DoneScreen } from '../../src/ui/done/DoneScreen.js';
import { applyEvents, initialProgress } from '../../src/ui/scan/scan-progress.js';
import { ScanningView } from '../../src/ui/scan/ScanningView.js';
import { createTheme, ThemeContext } from '../../src/ui/kit/theme.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

/**
 * A hostile repository: file names carrying an OSC title sequence, a bidi
 * override and a newline; a function name with bidi characters; a package.json
 * entry (echoed back in a warning) with an ESC sequence. Human output must show
 * every such character as a visible escape; JSON must keep the exact strings.
 */
const OSC_FILE = 'src/\u001b]0;pwned\u0007.ts';
const BIDI_FILE = 'src/evil\u202egnp.ts';
const NEWLINE_FILE = 'src/line\nforged: 0 problems.ts';
const BIDI_NAME = 'admin\u202e\u2066Check';
const ENTRY = 'lib/\u001b[2Jmain.js';

/** A function complex enough for the complexity rules to name it in a finding. */
function complexFunction(name: string): string {
  const branches = Array.from({ length: 14 }, (_, i) => `    if (a === ${i}) return ${i};`).join('\n');
  return `export const api = {\n  '${name}'(a: number): number {\n${branches}\n    return -1;\n  },\n};\n`;
}

const FILES: Record<string, string> = {
  [OSC_FILE]: complexFunction(BIDI_NAME),
  [BIDI_FILE]: complexFunction('plain'),
  [NEWLINE_FILE]: complexFunction('other'),
  'package.json': JSON.stringify({ name: 'hostile', main: ENTRY }),
};

// eslint-disable-next-line no-control-regex -- the characters a terminal must never receive raw
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Fails with the offending character's position when the text holds a raw control or bidi character. */
function assertNoRawControls(text: string, what: string): void {
  const match = RAW.exec(text);
  assert.equal(match, null, `${what}: raw U+${match?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${match?.index}`);
}

/** Every line of a human output is a record: a newline inside a file name must not start a line of its own. */
function assertNoForgedLine(text: string, what: string): void {
  assert.ok(!text.split('\n').some((line) => line.startsWith('forged: 0 problems')), `${what}: a file name split a line`);
}

describe('terminal safety: repository strings in human output', () => {
  let root: string;
  before(() => {
    root = makeTempTree(FILES, 'sonde-hostile-');
  });
  after(() => removeTree(root));

  const run = async (...argv: string[]) => {
    const io = fakeIO({ cwd: root });
    const code = await runCli(['scan', '.', '--parallel', '0', ...argv], io.io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  };

  it('pretty output shows control and bidi characters as escapes, and plain progress escapes warnings', async () => {
    const { stdout, stderr } = await run('--format', 'pretty', '--top', '20');
    for (const [text, what] of [[stdout, 'pretty'], [stderr, 'progress']] as const) {
      assertNoRawControls(text, what);
      assertNoForgedLine(text, what);
    }
    assert.ok(stdout.includes('\\x1b]0;pwned\\x07.ts'), 'the OSC file name is shown escaped');
    assert.ok(stdout.includes('evil\\u202egnp.ts'), 'the bidi file name is shown escaped');
    assert.ok(stdout.includes('line\\nforged: 0 problems.ts'), 'the newline is shown as \\n');
    assert.ok(stdout.includes('admin\\u202e\\u2066Check'), 'the function name is shown escaped');
    // The unmapped hostile `main` is named by its field, never by its value.
    assert.ok(stderr.includes('package.json main') && !stderr.includes('main.js'), `the warning names the field only: ${stderr}`);
  });

  it('markdown output escapes them too, and a file name cannot break a table row', async () => {
    const { stdout } = await run('--format', 'markdown', '--top', '20');
    assertNoRawControls(stdout, 'markdown');
    // Markdown doubles the backslash and escapes `]`: the rendered cell reads \x1b]0;pwned\x07.ts.
    assert.ok(stdout.includes('\\\\x1b\\]0;pwned\\\\x07.ts'), stdout);
    assert.ok(stdout.includes('admin\\\\u202e\\\\u2066Check'));
    const rows = stdout.split('\n').filter((line) => line.startsWith('|'));
    assert.ok(rows.every((row) => row.endsWith('|')), 'every table row is whole');
    assert.ok(stdout.includes('line\\\\nforged: 0 problems.ts'), 'the newline is shown as an escaped \\n in markdown');
  });

  for (const format of ['compact', 'github', 'dot', 'mermaid']) {
    it(`${format} output has no raw control or bidi character, and no forged line`, async () => {
      const { stdout } = await run('--format', format);
      assert.ok(stdout.length > 0, 'the report is not empty');
      assertNoRawControls(stdout, format);
      assertNoForgedLine(stdout, format);
    });
  }

  it('JSON keeps the exact strings', async () => {
    const { stdout } = await run('--format', 'json');
    const report = JSON.parse(stdout) as { files: { path: string; functions?: { name: string }[] }[] };
    const paths = report.files.map((file) => file.path);
    for (const name of [OSC_FILE, BIDI_FILE, NEWLINE_FILE]) assert.ok(paths.includes(name), `JSON has ${JSON.stringify(name)}`);
    assert.ok(stdout.includes(JSON.stringify(BIDI_NAME).slice(1, -1)) || stdout.includes(BIDI_NAME), 'JSON has the exact function name');
  });

  describe('the Ink UI', () => {
    let result: ScanResult;
    before(async () => {
      result = await scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0 }));
    });
    afterEach(cleanup);

    it('shows no raw ESC or bidi character on any tab', async () => {
      const app = render(
        <ThemeContext.Provider value={createTheme(false)}>
          <DoneScreen result={result} width={100} height={30} onCommand={() => undefined} />
        </ThemeContext.Provider>,
      );
      const frames: string[] = [];
      for (const key of ['1', '2', '3', '4', '5', '\r']) {
        app.stdin.write(key);
        await new Promise((resolve) => setTimeout(resolve, 20));
        frames.push(app.lastFrame() ?? '');
      }
      const all = frames.join('\n');
      assertNoRawControls(all, 'done screen');
      assertNoForgedLine(all, 'done screen');
      assert.match(all, /\\x1b\]0;pwned\\x07\.ts|evil\\u202egnp\.ts/, 'a hostile path is visible, escaped');
    });

    it('shows warnings and file errors escaped while scanning', () => {
      const progress = applyEvents(
        initialProgress(root, 0),
        [
          { type: 'scan:start', root: `${root}/\u001b]0;x\u0007`, strategy: 'sequential', workers: 0, cache: false },
          { type: 'warning', code: 'cross-file', message: `package.json entry '${ENTRY}' matches no scanned file` },
        ],
        1,
      );
      const app = render(
        <ThemeContext.Provider value={createTheme(false)}>
          <ScanningView progress={progress} width={100} height={20} />
        </ThemeContext.Provider>,
      );
      const frame = app.lastFrame() ?? '';
      assertNoRawControls(frame, 'scanning view');
      assert.ok(frame.includes('lib/\\x1b[2Jmain.js'), frame);
    });
  });

  it('bench output escapes what a baseline file committed in the tree says', () => {
    const text = formatBaselineComparison({
      baselineName: 'main\u001b]0;pwned\u0007',
      baselineDate: '2026-01-01\nREGRESSION: none',
      baselineCommit: 'abc\u202edef',
      thresholdPercent: 5,
      regressed: true,
      notes: ['machine \u001b[2J differs'],
      changes: [
        {
          size: '',
          strategy: 'cache:warm\u001b[31m',
          baselineMs: 100,
          currentMs: 120,
          changePercent: 20,
          speedup: { ratio: 0.83, low: 0.8, high: 0.86 },
          pValue: 0.001,
          verdict: 'regressed',
        },
      ],
    });
    assertNoRawControls(text, 'baseline comparison');
    assert.ok(!text.split('\n').some((line) => line.startsWith('REGRESSION: none')), 'a date split a line');
    assert.ok(text.includes('main\\x1b]0;pwned\\x07') && text.includes('cache:warm\\x1b[31m'), text);
  });

  it('plain bench progress escapes the target, run errors and messages', () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const listener = createPlainBenchListener(stream);
    listener({ type: 'bench:start', target: `/tmp/${OSC_FILE}`, strategies: ['sequential'], plannedRuns: 1, warmupRuns: 0 });
    listener({ type: 'run:done', strategy: 'sequential', run: 1, warmup: false, wallMs: 1, peakRssBytes: 1, error: `cannot read ${NEWLINE_FILE}` });
    listener({ type: 'bench:message', level: 'warning', message: `skipped ${BIDI_FILE}` });
    assertNoRawControls(text, 'bench progress');
    assertNoForgedLine(text, 'bench progress');
    assert.equal(text.split('\n').length, 4, text);
    assert.ok(text.includes('\\x1b]0;pwned\\x07.ts') && text.includes('evil\\u202egnp.ts'), text);
  });
});
