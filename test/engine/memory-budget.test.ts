/**
 * `--max-memory` / `maxMemory`: an impossible budget fails before scanning
 * with one line and exit 2; a tight one adapts (no workers, packed facts,
 * small batches whose files are read again) and reports exactly what an
 * unbudgeted scan reports.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { createScanOptions, scan } from '../../src/index.js';
import { FILE_BYTES, SCAN_BASE_BYTES, WORKER_BYTES, planMemory } from '../../src/config/memory-budget.js';
import { generateProject } from '../../src/generate/index.js';
import { jsonReporter } from '../../src/reporters/json.js';
import type { JsonReport } from '../../src/reporters/json-report.js';
import type { ScanResult } from '../../src/types.js';
import { fakeIO } from '../helpers/fake-io.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

const MiB = 1024 * 1024;

function stablePart(result: ScanResult): string {
  const report = JSON.parse(jsonReporter(result, { color: false })) as JsonReport;
  return JSON.stringify({ files: report.files, findings: report.findings, graph: report.graph });
}

describe('planMemory', () => {
  it('has no limits without a budget', () => {
    assert.equal(planMemory(undefined, 1_000_000).maxWorkers, Number.POSITIVE_INFINITY);
  });

  it('spends what the files leave on workers', () => {
    const budget = SCAN_BASE_BYTES + 1000 * FILE_BYTES + 2 * WORKER_BYTES + MiB;
    assert.equal(planMemory(budget, 1000).maxWorkers, 2);
    assert.equal(planMemory(budget, 2000).maxWorkers, 1);
  });

  it('refuses a budget too small for the tree, naming both', () => {
    assert.throws(
      () => planMemory(256 * MiB, 100_000),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'MEMORY_BUDGET_TOO_SMALL');
        assert.match(error.message, /256(\.0)? MiB is too small for 100,000 files/);
        return true;
      },
    );
  });
});

describe('sonde scan --max-memory', () => {
  it('exits 2 with one line for a budget below any scan', async () => {
    const root = makeTempTree({ 'a.ts': 'export const a = 1;\n' });
    try {
      const run = fakeIO({ cwd: root });
      assert.equal(await runCli(['scan', '--max-memory', '100MB', '--format', 'json'], run.io), 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /--max-memory 95\.4 MiB is below the 192(\.0)? MiB/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      removeTree(root);
    }
  });

  it('reads maxMemory from the config file, and rejects a malformed one', async () => {
    const root = makeTempTree({ 'a.ts': 'export const a = 1;\n', 'sonde.config.json': '{ "maxMemory": "150MB" }\n' });
    try {
      const low = fakeIO({ cwd: root });
      assert.equal(await runCli(['scan', '--format', 'json'], low.io), 2);
      assert.match(low.stderr, /maxMemory 143\.1 MiB is below/);
      const flagWins = fakeIO({ cwd: root });
      assert.equal(await runCli(['scan', '--format', 'json', '--max-memory', '1GB'], flagWins.io), 0, flagWins.stderr);
      writeFileSync(path.join(root, 'sonde.config.json'), '{ "maxMemory": "lots" }\n');
      const bad = fakeIO({ cwd: root });
      assert.equal(await runCli(['scan', '--format', 'json'], bad.io), 2);
      assert.match(bad.stderr, /maxMemory/);
    } finally {
      removeTree(root);
    }
  });

  it('under a tight budget reports exactly what an unbudgeted scan does', async () => {
    const root = makeTempDir('sonde-budget-');
    try {
      generateProject({ size: 300, seed: 7, outDir: root });
      const free = await scan(createScanOptions(root, { parallel: 2, sampleIntervalMs: 0 }));
      // ~2 MB of spare room: no worker fits, batches of ~1 MiB, most files read twice.
      const tight = await scan(createScanOptions(root, { parallel: 2, sampleIntervalMs: 0, maxMemory: SCAN_BASE_BYTES + 300 * FILE_BYTES + 2 * MiB }));
      assert.equal(free.workers, 2);
      assert.equal(tight.workers, 0, 'the budget leaves no room for a worker');
      assert.equal(stablePart(tight), stablePart(free));
      assert.deepEqual(structuredClone(tight.files[0]), { ...tight.files[0] }, 'packed facts survive structuredClone');
    } finally {
      removeTree(root);
    }
  });
});
