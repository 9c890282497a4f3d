import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCpuProfile } from '../../src/profiler/cpu-profile.js';

function busyLoop(ms: number): number {
  const end = Date.now() + ms;
  let x = 0;
  while (Date.now() < end) x += Math.sqrt(x + 1);
  return x;
}

test('startCpuProfile writes a .cpuprofile with nodes and samples', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonde-cpuprof-'));
  try {
    const handle = await startCpuProfile({ samplingIntervalUs: 500 });
    assert.ok(busyLoop(150) > 0);
    const out = join(dir, 'nested', 'scan.cpuprofile');
    await handle.stop(out);
    const profile = JSON.parse(readFileSync(out, 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string } }[];
      samples: number[];
      timeDeltas: number[];
      startTime: number;
      endTime: number;
    };
    assert.ok(profile.nodes.length > 1);
    assert.ok(profile.samples.length > 10, `only ${profile.samples.length} samples`);
    assert.equal(profile.timeDeltas.length, profile.samples.length);
    assert.ok(profile.endTime > profile.startTime);
    // The busy function must show up by name, or the flame graph is useless.
    assert.ok(profile.nodes.some((n) => n.callFrame.functionName === 'busyLoop'));
    const ids = new Set(profile.nodes.map((n) => n.id));
    assert.ok(profile.samples.every((id) => ids.has(id)), 'every sample points at a node');
    await assert.rejects(handle.stop(out), /already stopped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
