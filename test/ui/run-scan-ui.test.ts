import '../helpers/outside-ci.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliIO } from '../../src/io.js';
import type { ScanEventBus } from '../../src/engine/events.js';
import type { ScanResult } from '../../src/types.js';
import { runScanUi } from '../../src/ui/scan/run-scan-ui.js';
import { sampleResult } from './fixtures.js';
import { FakeStdin, FakeStdout, waitFor } from './terminal.js';

function terminal(signal?: AbortSignal) {
  const stdout = new FakeStdout(80, 24);
  const stderr = new FakeStdout(80, 24);
  const stdin = new FakeStdin();
  const io = { stdout, stderr, stdin, env: {}, cwd: '/', ...(signal ? { signal } : {}) } as unknown as CliIO;
  return { io, stdout, stdin };
}

/** A scan that emits a few events and finishes after `ms`. */
function fakeScan(result: ScanResult, ms = 30) {
  const calls: AbortSignal[] = [];
  const run = async (bus: ScanEventBus, signal: AbortSignal): Promise<ScanResult> => {
    calls.push(signal);
    bus.emit({ type: 'scan:start', root: result.root, strategy: 'parallel', workers: 2, cache: true });
    bus.emit({ type: 'files:discovered', total: 5, skipped: 1 });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
    bus.emit({ type: 'scan:done', result });
    return result;
  };
  return { run, calls };
}

describe('runScanUi', () => {
  it('resolves with the result when the user quits after the scan', async () => {
    const { io, stdout, stdin } = terminal();
    const result = sampleResult();
    const scan = fakeScan(result);
    const ui = runScanUi({ io, root: result.root, runScan: scan.run, color: false });
    await waitFor(() => stdout.text(), (t) => t.includes('[1 Summary]'));
    stdin.press('q');
    assert.equal(await ui, result);
    assert.equal(scan.calls.length, 1);
    assert.match(stdout.text(), /Files\s+5/);
  });

  it('rescans with r on a fresh bus', async () => {
    const { io, stdout, stdin } = terminal();
    const first = sampleResult();
    const second = sampleResult({ durationMs: 99 });
    let n = 0;
    const results = [first, second];
    const scan = fakeScan(first);
    const ui = runScanUi({
      io,
      root: first.root,
      color: false,
      runScan: (bus, signal) => {
        const r = results[n++];
        return fakeScan(r).run(bus, signal).then(() => r);
      },
    });
    await waitFor(() => stdout.text(), (t) => t.includes('[1 Summary]'));
    stdin.press('r');
    await waitFor(() => stdout.text(), (t) => t.includes('· 99 ms ·'));
    stdin.press('q');
    assert.equal(await ui, second);
    assert.equal(n, 2);
    void scan;
  });

  it('aborts the scan and resolves undefined when the user quits mid-scan', async () => {
    const { io, stdout, stdin } = terminal();
    const scan = fakeScan(sampleResult(), 60_000);
    const ui = runScanUi({ io, root: '/tmp/project', runScan: scan.run, color: false });
    await waitFor(() => stdout.text(), (t) => t.includes('0/5 files'));
    stdin.press('q');
    assert.equal(await ui, undefined);
    assert.equal(scan.calls[0].aborted, true);
  });

  it('shows a failed scan and resolves undefined', async () => {
    const { io, stdout, stdin } = terminal();
    const ui = runScanUi({ io, root: '/x', color: false, runScan: async () => Promise.reject(new Error('root does not exist')) });
    await waitFor(() => stdout.text(), (t) => t.includes('The scan failed'));
    stdin.press('q');
    assert.equal(await ui, undefined);
    assert.match(stdout.text(), /The scan failed: root does not exist/);
  });

  it('stops when the CLI signal aborts', async () => {
    const controller = new AbortController();
    const { io, stdout } = terminal(controller.signal);
    const scan = fakeScan(sampleResult(), 60_000);
    const ui = runScanUi({ io, root: '/x', runScan: scan.run, color: false });
    await waitFor(() => stdout.text(), (t) => t.includes('0/5 files'));
    controller.abort();
    assert.equal(await ui, undefined);
    assert.equal(scan.calls[0].aborted, true);
  });

  it('adapts to a resize', async () => {
    const { io, stdout, stdin } = terminal();
    const result = sampleResult();
    const ui = runScanUi({ io, root: result.root, runScan: fakeScan(result, 1).run, color: false });
    await waitFor(() => stdout.text(), (t) => t.includes('[1 Summary]'));
    stdout.chunks.length = 0;
    stdout.resize(120, 30);
    // The Summary bars grow with the width.
    await waitFor(() => stdout.text(), (t) => /complexity\s+2\s+█{80,}/.test(t));
    stdin.press('q');
    await ui;
  });
});
