/**
 * The strategies-give-identical-results invariant: the JSON report's `files`
 * and `findings` are byte-identical for sequential, --parallel 1/2/4, cold,
 * warm and partly warm cache — on the fixtures and on rxjs's real sources.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createScanOptions, scan } from '../../src/index.js';
import type { ParallelSetting } from '../../src/config/options.js';
import { jsonReporter } from '../../src/reporters/json.js';
import type { JsonReport } from '../../src/reporters/json-report.js';
import type { ScanResult } from '../../src/types.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function copyTree(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-invariant-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** The strategy-invariant part of the JSON report, as text. */
function stablePart(result: ScanResult): string {
  const report = JSON.parse(jsonReporter(result, { color: false })) as JsonReport;
  return JSON.stringify({ files: report.files, findings: report.findings });
}

async function run(root: string, parallel: ParallelSetting, cache?: string): Promise<ScanResult> {
  const options = createScanOptions(root, {
    parallel,
    sampleIntervalMs: 0,
    ...(cache ? { cache: { enabled: true, location: cache } } : {}),
  });
  return scan(options);
}

/** Changes a few files' content (and so their facts) without breaking their syntax. */
function editSome(root: string, count: number): string[] {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js)$/.test(name) && !name.includes('.sonde'))
    .sort()
    .slice(0, count);
  for (const file of files) {
    fs.appendFileSync(path.join(root, file), '\n// TODO: edited by the invariant test\nexport function editedByTest(a: number) { return a > 1 ? a : -a; }\n');
  }
  return files;
}

async function assertInvariant(source: string, workerCounts: readonly number[]): Promise<void> {
  const root = copyTree(source);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-invariant-cache-'));
  try {
    await checkInvariant(root, path.join(cacheDir, 'cache.sqlite'), workerCounts);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function checkInvariant(root: string, cache: string, workerCounts: readonly number[]): Promise<void> {
  const sequential = await run(root, 0);
  assert.ok(sequential.files.length > 0);
  const expected = stablePart(sequential);

  for (const workers of workerCounts) {
    const parallel = await run(root, workers);
    assert.equal(parallel.workers, workers);
    assert.equal(stablePart(parallel), expected, `--parallel ${workers} differs from sequential`);
  }

  const withFacts = sequential.files.filter((file) => file.facts !== null).length;
  const withoutFacts = sequential.files.length - withFacts;
  const cold = await run(root, 0, cache);
  assert.equal(cold.cache.hits, 0);
  assert.equal(stablePart(cold), expected, 'cold cache differs');
  const warm = await run(root, 2, cache);
  assert.equal(warm.cache.hits, withFacts, 'every file with facts is a hit');
  assert.equal(stablePart(warm), expected, 'warm cache differs');

  const edited = editSome(root, 3);
  const partly = await run(root, 0, cache);
  const fresh = await run(root, 0);
  // Files without facts (unreadable, failed) are never cached, so they miss every time.
  assert.ok(partly.cache.misses >= edited.length && partly.cache.misses <= edited.length + withoutFacts, `misses ${partly.cache.misses}`);
  assert.equal(partly.cache.hits, withFacts - edited.length, 'only the edited files miss');
  assert.equal(stablePart(partly), stablePart(fresh), 'partly warm cache differs from a fresh scan');
  assert.notEqual(stablePart(fresh), expected, 'the edits changed the report');
}

describe('strategies give identical results', () => {
  for (const fixture of fs.readdirSync(path.join(REPO, 'fixtures')).sort()) {
    // Every worker count on the analysis fixtures and on rxjs; the small graph
    // fixtures check what can break there (cross-file findings split over
    // workers) with 2, which spares starting 5 workers per fixture.
    const workerCounts = fixture.startsWith('graph-') ? [2] : [1, 2, 4];
    it(`on fixtures/${fixture}`, async () => {
      await assertInvariant(path.join(REPO, 'fixtures', fixture), workerCounts);
    });
  }

  it('on node_modules/rxjs/src (real code)', async () => {
    await assertInvariant(path.join(REPO, 'node_modules', 'rxjs', 'src'), [1, 2, 4]);
  });
});
