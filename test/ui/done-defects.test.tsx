/**
 * The done screen's defects from issue 14, each pinned by a frame test:
 * - `r` (rescan) reopens the same tab and filter;
 * - a long import-cycle path wraps in the details pane instead of being cut;
 * - "(10 modules in this cycle group)" lists all 10 modules;
 * - the help row for `s` fits at 80 columns.
 */
import '../helpers/outside-ci.js';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Box } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { CliIO } from '../../src/io.js';
import type { ScanEventBus } from '../../src/engine/events.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { DoneScreen } from '../../src/ui/done/DoneScreen.js';
import { HelpOverlay } from '../../src/ui/done/HelpOverlay.js';
import { initialNav } from '../../src/ui/done/navigation.js';
import { createTheme, ThemeContext } from '../../src/ui/kit/theme.js';
import { runScanUi } from '../../src/ui/scan/run-scan-ui.js';
import { sampleResult } from './fixtures.js';
import { FakeStdin, FakeStdout, stripAnsi, waitFor } from './terminal.js';

/** Ten modules in one strongly connected group; the finding's concrete cycle names four of them. */
function cycleResult(): { result: ScanResult; modules: string[] } {
  const modules = Array.from({ length: 10 }, (_, i) => `src/features/a-rather-long-feature-folder-name/module-${String(i).padStart(2, '0')}.ts`);
  const edge = (a: number, b: number) => ({ from: modules[a], to: modules[b], specifier: `./module-${b}`, typeOnly: false });
  const edges = [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 0), ...Array.from({ length: 6 }, (_, i) => edge(3 + i, 4 + i)), edge(9, 0)];
  const cycle: Finding = {
    rule: 'import-cycle',
    severity: 'warning',
    path: modules[0],
    line: 1,
    column: 1,
    message: `Import cycle: ${[0, 1, 2, 3, 0].map((i) => modules[i]).join(' → ')} (10 modules in this cycle group)`,
  };
  const base = sampleResult();
  const files = modules.map((path) => ({ path, size: 100, hash: path, facts: { ...base.files[0].facts!, functions: [], lines: 3 }, error: null, cached: false }));
  const result = sampleResult({
    files,
    fileFindings: new Map(),
    crossFile: { graph: { nodes: modules, edges, external: [], unresolved: [] }, findings: [cycle] },
  });
  return { result, modules };
}

describe('done screen defects', () => {
  afterEach(cleanup);

  it('details: a long cycle path wraps, and all 10 modules of the group are listed', () => {
    const { result, modules } = cycleResult();
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <DoneScreen result={result} width={80} height={40} onCommand={() => {}} initial={{ ...initialNav(), tab: 'files', details: modules[0] }} />
      </ThemeContext.Provider>,
    );
    const frame = stripAnsi(app.lastFrame() ?? '');
    const lines = frame.split('\n');
    assert.ok(lines.every((l) => l.length <= 80), 'every line fits 80 columns');
    // The whole message is there, wrapped: joining the rows gives back every module of the concrete cycle.
    const joined = frame.replace(/\s+/g, ' ');
    for (const i of [0, 1, 2, 3]) assert.ok(joined.includes(modules[i]), `cycle member ${modules[i]} is shown whole`);
    assert.match(joined, /\(10 modules in this cycle group\)/);
    assert.match(frame, /The 10 modules of this cycle group:/);
    for (const m of modules) assert.match(frame, new RegExp(`• ${m.replace(/[.]/g, '\\.')}`), `group member ${m}`);
  });

  it('help: the `s` row is whole at 80 columns', () => {
    const app = render(
      <ThemeContext.Provider value={createTheme(false)}>
        <Box width={80}>
          <HelpOverlay height={20} />
        </Box>
      </ThemeContext.Provider>,
    );
    const frame = stripAnsi(app.lastFrame() ?? '');
    assert.ok(frame.split('\n').every((l) => l.length <= 80));
    assert.match(frame.replace(/[│\s]+/g, ' '), /s sort: Files by lines, complexity, findings, path; Hotspots by cyc\/cog/);
  });
});

describe('rescan', () => {
  it('r keeps the current tab and filter', async () => {
    const stdout = new FakeStdout(80, 24);
    const stdin = new FakeStdin();
    const io = { stdout, stderr: new FakeStdout(80, 24), stdin, env: {}, cwd: '/' } as unknown as CliIO;
    const results = [sampleResult(), sampleResult({ durationMs: 99 })];
    let n = 0;
    const runScan = async (bus: ScanEventBus): Promise<ScanResult> => {
      const r = results[Math.min(n++, 1)];
      bus.emit({ type: 'scan:done', result: r });
      return r;
    };
    const ui = runScanUi({ io, root: '/tmp/project', runScan, color: false });
    await waitFor(() => stdout.text(), (t) => t.includes('[1 Summary]'));
    for (const [key, shown] of [['4', '[4 Files]'], ['/', '/▏'], ['u', '/u▏'], ['t', '/ut▏'], ['i', '/uti▏'], ['l', '/util▏'], ['\r', 'filter "util"']] as const) {
      stdin.press(key);
      await waitFor(() => stdout.text(), (t) => t.includes(shown));
    }
    stdin.press('r');
    // The frames drawn after the rescan finished (its header shows 99 ms).
    const text = await waitFor(() => stdout.text(), (t) => t.includes('· 99 ms ·') && t.slice(t.lastIndexOf('· 99 ms ·')).includes('quit'));
    const after = text.slice(text.lastIndexOf('· 99 ms ·'));
    assert.match(after, /\[4 Files\]/, 'still on the Files tab');
    assert.match(after, /filter "util"/, 'still filtered');
    assert.doesNotMatch(after, /engine\.ts/);
    stdin.press('q');
    assert.equal(await ui, results[1]);
  });
});
