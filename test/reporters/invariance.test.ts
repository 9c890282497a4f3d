/**
 * Integration: real scans of a small project in a temp dir, with every
 * strategy, through the JSON and SARIF reporters. The stable part of the JSON
 * report must be byte-identical whatever the strategy and cache state
 * (shared/design.md), and the SARIF of a real scan must validate.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createScanOptions } from '../../src/config/create-options.js';
import type { ParallelSetting } from '../../src/config/options.js';
import { scan } from '../../src/engine/scan.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { sarifReporter } from '../../src/reporters/sarif.js';

const FILES: Record<string, string> = {
  'src/a.ts': "import { b } from './b';\nexport function a(x: any): number {\n  // TODO: type x\n  return b(x) ? 1 : 0;\n}\n",
  'src/b.ts': "import { a } from './a';\nexport const b = (x: unknown) => {\n  try { return a(x) > 0; } catch {}\n  return false;\n};\nexport const unused = 1;\n",
  'src/C.tsx': 'export const C = () => <div>{[1, 2].map((n) => (n > 1 ? n : -n))}</div>;\n',
  'src/broken.ts': 'export function broken( {\n',
  'lib/deep.js': `export function deep(v) {\n${'  if (v) {\n'.repeat(6)}${'  }\n'.repeat(6)}  return v && v.x || v ?? 0;\n}\n`,
};

/** The report minus the fields that are allowed to differ between strategies. */
function stablePart(report: string): string {
  const { profile: _profile, summary, ...rest } = JSON.parse(report);
  const { strategy: _s, workers: _w, cache: _c, durationMs: _d, peakRssBytes: _p, ...counts } = summary;
  return JSON.stringify({ ...rest, counts }, null, 2);
}

/** The analysis lands separately; until it is built, scans cannot produce facts. */

describe('reports from real scans', () => {
  let root: string;
  let cacheDir: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sonde-reporters-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'sonde-reporters-cache-'));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    writeFileSync(path.join(root, 'src/blob.ts'), Buffer.from([0x63, 0x00, 0x01, 0x02, 0x00]));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const run = async (parallel: ParallelSetting, cache: boolean) =>
    scan(
      createScanOptions(root, {
        parallel,
        sampleIntervalMs: 0,
        cache: { enabled: cache, location: path.join(cacheDir, 'cache.sqlite') },
      }),
    );

  it('gives byte-identical files, findings and graph for sequential, parallel, cold and warm cache', async () => {
    const sequential = await run(0, false);
    const reference = stablePart(jsonReporter(sequential, { color: false }));
    const report = JSON.parse(reference);
    assert.equal(report.files.length, 6, 'the fixture is scanned');
    assert.ok(report.counts.findings >= 5, 'the fixture produces findings');
    assert.ok(report.files.some((file: { error: unknown }) => file.error !== null), 'and a per-file error');

    const variants = [
      ['parallel 2', await run(2, false)],
      ['cold cache', await run(0, true)],
      ['warm cache', await run(0, true)],
      ['warm cache, parallel 2', await run(2, true)],
    ] as const;
    assert.equal(variants[2][1].cache.hits > 0, true, 'the warm scan did hit the cache');
    for (const [name, result] of variants) {
      assert.equal(stablePart(jsonReporter(result, { color: false })), reference, name);
    }
  });

  it('writes SARIF for a real scan that validates against the SARIF 2.1.0 schema', async () => {
    const schemaPath = new URL('../../../test/reporters/sarif-schema-2.1.0.json', import.meta.url);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const text = sarifReporter(await run(0, false), { color: false });
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
    const log = JSON.parse(text) as { runs: { results: { ruleId: string }[] }[] };
    const rules = new Set(log.runs[0].results.map((result) => result.ruleId));
    for (const rule of ['no-explicit-any', 'todo-comment', 'empty-catch', 'parse-error', 'import-cycle']) {
      assert.ok(rules.has(rule), `a ${rule} result`);
    }
  });
});
