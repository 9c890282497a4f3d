import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { ScanEventBus, type ScanEvent } from '../../src/engine/events.js';
import { useScanProgress } from '../../src/ui/scan/use-scan-progress.js';
import { applyEvents, initialProgress } from '../../src/ui/scan/scan-progress.js';
import { ScanningView } from '../../src/ui/scan/ScanningView.js';
import { sampleResult } from './fixtures.js';
import { stripAnsi, tick, waitFor } from './terminal.js';

const start: ScanEvent = { type: 'scan:start', root: '/repo', strategy: 'parallel', workers: 2, cache: true };

describe('scanning view', () => {
  afterEach(cleanup);

  it('shows progress, rates, ETA, phase, memory, cache hits and workers mid-scan', () => {
    const events: ScanEvent[] = [
      start,
      { type: 'phase:start', phase: 'analyze' },
      { type: 'files:discovered', total: 200, skipped: 3 },
      ...Array.from({ length: 50 }, (_, i): ScanEvent => ({ type: 'file:done', path: `f${i}.ts`, lines: 100, cached: i < 10, workerId: 1 + (i % 2) })),
      { type: 'file:done', path: 'bad.js', lines: 0, cached: false, error: 'syntax error', workerId: 1 },
      { type: 'warning', code: 'cache-readonly', message: 'cache is read-only; continuing without it' },
      ...[60, 70, 90, 80].map((mb, i): ScanEvent => ({ type: 'sample', sample: { t: i * 100, rss: mb * 1e6, heapUsed: 1, heapTotal: 1, external: 0, cpuPercent: 240 } })),
    ];
    const progress = applyEvents(initialProgress('/repo', 0), events, 0);
    const later = applyEvents(progress, [], 1000);
    const { lastFrame } = render(<ScanningView progress={later} width={80} height={23} />);
    const text = stripAnsi(lastFrame() ?? '');
    assert.match(text, /✗ bad\.js: syntax error/);
    assert.match(text, /! cache-readonly: cache is read-only/);
    assert.match(text, /sonde scan {2}\/repo/);
    assert.match(text, /parallel · 2 workers · cache on · phase: analyze/);
    assert.match(text, /51\/200 files\s+26%/);
    assert.match(text, /51 files\/s · 5,000 lines\/s · elapsed 1.00 s · ETA 2.92 s/);
    assert.match(text, /cache hits 10 \(20%\) · errors 1 · skipped 3/);
    assert.match(text, /RSS ▆▆█▇ 80.0 MB · CPU 240%/);
    assert.match(text, /#1 +█+ +21/);
    assert.match(text, /#2 +█+▌? +20/);
    assert.ok(text.split('\n').every((l) => l.length <= 80));
  });

  it('renders at most ~30 frames a second however many events arrive', async () => {
    const bus = new ScanEventBus();
    let renders = 0;
    function Probe() {
      const p = useScanProgress(bus, '/repo');
      renders += 1;
      return <Text>done {p.done} lines {p.lines}</Text>;
    }
    const { lastFrame } = render(<Probe />);
    const before = renders;
    bus.emit(start);
    for (let i = 0; i < 10_000; i++) bus.emit({ type: 'file:done', path: `f${i}.ts`, lines: 2, cached: false, workerId: 1 });
    await waitFor(lastFrame, (f) => f.includes('done 10000 lines 20000'));
    assert.ok(renders - before <= 3, `10,000 synchronous events caused ${renders - before} renders`);

    // Spread over ~400 ms: bounded by the frame rate, not the event count.
    const t0 = Date.now();
    const spreadStart = renders;
    for (let chunk = 0; chunk < 40; chunk++) {
      for (let i = 0; i < 250; i++) bus.emit({ type: 'file:done', path: 'x.ts', lines: 1, cached: true });
      await tick(10);
    }
    await waitFor(lastFrame, (f) => f.includes('done 20000'));
    const elapsed = Date.now() - t0;
    const spread = renders - spreadStart;
    assert.ok(spread <= Math.ceil(elapsed / 33) + 4, `${spread} renders in ${elapsed} ms`);
    assert.ok(spread >= 2, 'the view kept updating while events flowed');
  });

  it('flushes scan:done at once', async () => {
    const bus = new ScanEventBus();
    function Probe() {
      const p = useScanProgress(bus, '/repo');
      return <Text>{p.result ? `result ${p.result.files.length}` : 'running'}</Text>;
    }
    const { lastFrame } = render(<Probe />);
    bus.emit({ type: 'scan:done', result: sampleResult() });
    await tick(0);
    await waitFor(lastFrame, (f) => f.includes('result 5'), 30);
  });
});
