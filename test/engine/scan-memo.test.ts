/**
 * The scan memo (src/engine/scan-memo.ts): a warm scan with nothing changed
 * serves the memoized result, and every change of an input that decides the
 * result — a file's bytes, a rule setting, an entry glob, the package.json the
 * cross-file pass reads — is a miss that gives exactly what a scan without a
 * cache gives. A memo edited in the store is refused.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { cacheStats } from '../../src/cache/maintenance.js';
import { TOOL_VERSION } from '../../src/version.js';
import type { JsonReport } from '../../src/reporters/json-report.js';
import type { ScanResult } from '../../src/types.js';
import { rows, sql } from '../helpers/cache-rows.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

process.env.SONDE_CACHE_SECRET ??= 'test-secret-test-secret-test-secret';

const TREE = {
  'package.json': JSON.stringify({ name: 'memo-fixture', main: 'src/index.ts' }),
  'src/index.ts': "import { a } from './a';\nexport const main = () => a(1);\n",
  'src/a.ts': "import { b } from './b';\nexport function a(x: number) { return x > 0 ? b(x) : 0; }\nexport const unusedA = 1;\n",
  'src/b.ts': "import { a } from './a';\nexport function b(x: number) { return a(x - 1); }\n",
  'src/c.ts': '// sonde-disable-next-line unused-export\nexport const quiet = 1;\n// TODO: memo\nexport function loud(p: number, q: number, r: number, s: number, t: number) { try { return p + q + r + s + t; } catch {} }\n',
  'src/blob.ts': Buffer.from([0x00, 0x01, 0x02]),
  // An IIFE: its function carries `iife`, which the memo's compact form must give back.
  'src/boot.js': '(function boot() { return 1; })();\nexport const arrow = (a) => a;\n',
};

type Overrides = Parameters<typeof createScanOptions>[1];

/** The part of the JSON report every strategy must agree on, as text. */
function stablePart(result: ScanResult): string {
  const report = JSON.parse(jsonReporter(result, { color: false })) as JsonReport;
  return JSON.stringify({ files: report.files, findings: report.findings });
}

const phases = (result: ScanResult) => result.profile.phases.map((timing) => timing.phase);
/** A memo hit computes nothing after the lookup: no per-file lookups, no cross-file pass. */
const isMemoHit = (result: ScanResult) => phases(result).includes('memo') && !phases(result).includes('cross-file') && !phases(result).includes('cache-read');

/** A tree and a cache file for one describe block, both removed after it. */
function treeWithCache(files: Readonly<Record<string, string | Buffer>>, prefix: string): { root: string; location: string } {
  const root = makeTempTree(files, prefix);
  const cacheDir = makeTempDir(`${prefix}cache-`);
  after(() => {
    removeTree(root);
    removeTree(cacheDir);
  });
  return { root, location: path.join(cacheDir, 'cache.sqlite') };
}

describe('the scan memo', () => {
  const { root, location } = treeWithCache(TREE, 'sonde-memo-');

  const cached = (overrides: Overrides = {}, warnings: string[] = []) => {
    const options = createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, cache: { enabled: true, location }, ...overrides });
    return scan(options).then((result) => {
      warnings.push(...result.warnings);
      return result;
    });
  };
  const uncached = (overrides: Overrides = {}) => scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, ...overrides }));

  it('serves a no-change warm scan from the memo, identical to a scan without a cache', async () => {
    const cold = await cached();
    assert.ok(!isMemoHit(cold), 'the first scan has no memo');
    assert.ok(phases(cold).includes('memo-write'), phases(cold).join(' '));
    const warm = await cached();
    assert.ok(isMemoHit(warm), phases(warm).join(' '));
    const fresh = await uncached();
    assert.equal(stablePart(warm), stablePart(fresh));
    assert.equal(stablePart(cold), stablePart(fresh));
    assert.equal(warm.cache.hits, cold.cache.misses - 1, 'every file with facts is a hit (the binary file has none)');
    assert.ok(warm.crossFile.findings.some((finding) => finding.rule === 'import-cycle'), 'the memo holds the cross-file findings');
    assert.ok(!warm.fileFindings.get('src/c.ts')!.some((finding) => finding.rule === 'unused-export'));
    const facts = (result: ScanResult) => JSON.stringify(result.files.map((file) => file.facts));
    assert.equal(facts(warm), facts(fresh), 'the facts themselves, beyond what the report shows');
    assert.ok(warm.files.find((file) => file.path === 'src/boot.js')!.facts!.functions.some((fn) => fn.iife === true));
  });

  it('recomputes after one changed file, then serves the new memo', async () => {
    fs.appendFileSync(path.join(root, 'src/b.ts'), 'export const later = 2;\n');
    const changed = await cached();
    assert.ok(!isMemoHit(changed));
    assert.ok(phases(changed).includes('analyze'), 'only the changed file is analyzed');
    assert.equal(changed.cache.misses, 2, 'the changed file and the binary one');
    const fresh = await uncached();
    assert.equal(stablePart(changed), stablePart(fresh));
    assert.match(stablePart(fresh), /'later' is exported but never imported/);
    const again = await cached();
    assert.ok(isMemoHit(again));
    assert.equal(stablePart(again), stablePart(fresh));
  });

  it('keeps the cross-file result when an edit leaves every import and export in place, and reruns it when one moves', async () => {
    await cached();
    const a = path.join(root, 'src/a.ts');
    const original = fs.readFileSync(a, 'utf8');
    try {
      // Inside a function body: no import, export or line moves.
      fs.writeFileSync(a, original.replace('x > 0 ? b(x) : 0', 'x > 1 ? b(x) : 1'));
      const body = await cached();
      assert.ok(!isMemoHit(body) && phases(body).includes('analyze'));
      assert.ok(!phases(body).includes('cross-file'), phases(body).join(' '));
      assert.equal(stablePart(body), stablePart(await uncached()));
      // A line added on top moves every export and import of the file: the pass runs again.
      fs.writeFileSync(a, `// moved\n${original}`);
      const moved = await cached();
      assert.ok(phases(moved).includes('cross-file'), phases(moved).join(' '));
      assert.equal(stablePart(moved), stablePart(await uncached()));
      // A new import: the graph changes.
      fs.writeFileSync(a, `import { main } from './index';\n${original}`);
      const imported = await cached();
      assert.ok(phases(imported).includes('cross-file'), phases(imported).join(' '));
      assert.equal(stablePart(imported), stablePart(await uncached()));
    } finally {
      fs.writeFileSync(a, original);
    }
  });

  it('misses when an option that changes the result changes', async () => {
    await cached();
    const variants: Overrides[] = [
      { ignoreTypeOnlyCycles: true },
      { entries: ['src/a.ts'] },
      { rules: { ...createScanOptions(root).rules, 'max-params': { enabled: true, severity: 'error', threshold: 1 } } },
    ];
    for (const overrides of variants) {
      const result = await cached(overrides);
      assert.ok(!isMemoHit(result), JSON.stringify(overrides));
      assert.equal(stablePart(result), stablePart(await uncached(overrides)), JSON.stringify(overrides));
      // One memo per scanned selection: the same options again hit the memo that scan just wrote.
      const again = await cached(overrides);
      assert.ok(isMemoHit(again), `again ${JSON.stringify(overrides)}`);
      assert.equal(stablePart(again), stablePart(result));
    }
    assert.doesNotMatch(stablePart(await cached({ entries: ['src/a.ts'] })), /'unusedA' is exported/);
  });

  it('misses when the project configuration the cross-file pass reads changes', async () => {
    await cached();
    assert.ok(isMemoHit(await cached()));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'memo-fixture', main: 'src/index.ts', exports: { './b': './src/b.ts' } }));
    const result = await cached();
    assert.ok(!isMemoHit(result));
    assert.equal(stablePart(result), stablePart(await uncached()));
  });

  it('refuses a memo edited in the store, with a warning, and rewrites it', async () => {
    await cached();
    await sql(location, [`UPDATE keyv SET value = replace(value, 'Import cycle', 'Import loop') WHERE key LIKE '%:memo:%'`]);
    assert.equal((await rows(location)).filter(({ key, value }) => key.includes(':memo:') && value.includes('Import loop')).length, 1);
    const warnings: string[] = [];
    const result = await cached({}, warnings);
    assert.ok(!isMemoHit(result), 'the edited memo is not served');
    assert.ok(warnings.some((warning) => /failed authentication/.test(warning)), warnings.join('\n'));
    assert.doesNotMatch(stablePart(result), /Import loop/);
    assert.equal(stablePart(result), stablePart(await uncached()));
    assert.ok(isMemoHit(await cached()), 'the next scan hits the rewritten memo');
  });
});


describe('the scan memo in the store (memo-store.ts)', () => {
  // 200 files: four buckets of about 50, so a one-file edit leaves three untouched.
  const files: Record<string, string> = {};
  for (let index = 0; index < 200; index++) files[`src/m${index}.ts`] = `export function f${index}(x: number) { return x > ${index} ? x : ${index}; }\n`;
  files['src/index.ts'] = Array.from({ length: 200 }, (_, index) => `import { f${index} } from './m${index}';`).join('\n') + '\nexport const all = [f0];\n';
  const { root, location } = treeWithCache(files, 'sonde-memo-store-');
  const cached = () => scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, cache: { enabled: true, location } }));
  const uncached = () => scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0 }));
  /** The memo's rows (head, buckets, cross-file; not the stat manifest) with the time each was last written. */
  const memoRows = async () => {
    const memo = (await rows(location)).filter(({ key }) => key.includes(':memo:') && !key.endsWith(':stat'));
    return new Map(memo.map(({ key, value }) => [key.replace(/^.*:memo:[0-9a-f]+/, 'S'), Number(/^\{"value":\{"t":(\d+)/.exec(value)![1])]));
  };

  it('rewrites the head and the changed file\'s bucket only, and the result is still the uncached one', async () => {
    await cached();
    const before = await memoRows();
    assert.deepEqual([...before.keys()].sort(), ['S', 'S:b0', 'S:b1', 'S:b2', 'S:b3', 'S:x']);
    // `sonde cache stats` tells them apart from the facts: the six above and the stat manifest.
    const stats = await cacheStats({ kind: 'sqlite', path: location }, TOOL_VERSION);
    assert.equal(stats.memo, 7);
    assert.equal(stats.entries - stats.memo, 201, 'one facts entry a file');
    await new Promise((resolve) => setTimeout(resolve, 5));
    fs.writeFileSync(path.join(root, 'src/m7.ts'), 'export function f7(x: number) { return x < 7 ? x : 7; }\n');
    const edited = await cached();
    assert.ok(!phases(edited).includes('cross-file'), 'a body edit keeps the cross-file result');
    const after = await memoRows();
    const rewritten = [...after].filter(([key, t]) => t !== before.get(key)).map(([key]) => key);
    assert.equal(rewritten.length, 2, rewritten.join(' '));
    assert.ok(rewritten.includes('S'));
    assert.equal(stablePart(edited), stablePart(await uncached()));
    const again = await cached();
    assert.ok(isMemoHit(again), 'the head and its unchanged parts make a whole memo');
    assert.equal(stablePart(again), stablePart(edited));
  });

  it('reads as no memo when a part is missing (a torn write), and recomputes', async () => {
    await cached();
    await sql(location, [`DELETE FROM keyv WHERE key LIKE '%:memo:%:b2'`]);
    const torn = await cached();
    assert.ok(!isMemoHit(torn));
    assert.equal(stablePart(torn), stablePart(await uncached()));
    assert.ok(isMemoHit(await cached()));
  });
});
