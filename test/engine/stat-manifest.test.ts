/**
 * The stat manifest (src/engine/stat-manifest.ts): a warm scan takes the walk
 * and the reads of unchanged folders and files from it, and every change —
 * new bytes behind a restored mtime, a new file, a new .gitignore rule, other
 * read options, a file written during the scan — is seen, with exactly the
 * result of a scan without a cache. Scans here start 10 s "ahead" (the
 * pipeline's `startedAt`), so files this test just wrote count as settled.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { jsonReporter } from '../../src/reporters/json.js';
import type { JsonReport } from '../../src/reporters/json-report.js';
import type { ScanResult } from '../../src/types.js';
import { discover, type WalkTrace } from '../../src/engine/discover.js';
import { readAll } from '../../src/engine/read-phase.js';
import { ManifestRecorder, RACY_MARGIN_MS, readOptionsKey, ReadShortcut, reuseWalk } from '../../src/engine/stat-manifest.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

process.env.SONDE_CACHE_SECRET ??= 'test-secret-test-secret-test-secret';

const TREE = {
  '.gitignore': 'ignored/\n',
  'package.json': JSON.stringify({ name: 'manifest-fixture', main: 'src/index.ts' }),
  'src/index.ts': "import { a } from './a';\nexport const main = () => a(1);\n",
  'src/a.ts': 'export function a(x: number) { if (x > 0) { return x; } return 0; }\nexport const unusedA = 1;\n',
  'src/deep/b.ts': 'export const b = 2;\n',
  'src/big.ts': `export const big = "${'x'.repeat(200)}";\n`,
  'ignored/skip.ts': 'export const skipped = 1;\n',
};

/** Ahead of now: everything written so far is older than RACY_MARGIN_MS at "scan start". */
const ahead = () => Date.now() + RACY_MARGIN_MS + 10_000;

function stablePart(result: ScanResult): string {
  const report = JSON.parse(jsonReporter(result, { color: false })) as JsonReport;
  return JSON.stringify({ files: report.files, findings: report.findings, skipped: report.skipped });
}

/** A whole second in the past, which utimes can set back exactly (it takes no nanoseconds). */
const ROUND_TIME = Math.floor(Date.now() / 1000) - 3600;

/** Puts every file's mtime on ROUND_TIME, so that sneakyEdit can restore it exactly. */
function roundTimes(root: string): string {
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) fs.utimesSync(path.join(entry.parentPath, entry.name), ROUND_TIME, ROUND_TIME);
  }
  return root;
}

/** Rewrites a file with other bytes of the same size and puts its mtime back: only ctime tells. */
function sneakyEdit(file: string, from: string, to: string): void {
  const before = fs.statSync(file);
  assert.equal(before.mtimeMs, ROUND_TIME * 1000);
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(from.length, to.length);
  fs.writeFileSync(file, text.replace(from, to));
  fs.utimesSync(file, ROUND_TIME, ROUND_TIME);
  assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
  assert.equal(fs.statSync(file).size, before.size);
}

describe('the stat manifest: read phase and walk', () => {
  const root = roundTimes(makeTempTree(TREE, 'sonde-manifest-unit-'));
  after(() => removeTree(root));
  const options = { root, include: [], exclude: [] };

  it('serves every unchanged file from the manifest, with the same outcome as reading it', () => {
    const readOptions = readOptionsKey({ maxFileSize: 100, skipGenerated: true });
    const first = new ManifestRecorder(ahead(), readOptions);
    const discovery = discover(options);
    const read = readAll(discovery, 100, true, Infinity, { recorder: first });
    const manifest = first.finish();
    assert.equal(manifest.reads.length, discovery.files.length, 'every file recorded (big.ts as skipped)');

    const shortcut = new ReadShortcut(manifest, readOptions);
    const again = readAll(discovery, 100, true, Infinity, { recorder: new ManifestRecorder(ahead(), readOptions), shortcut });
    assert.equal(shortcut.served, discovery.files.length);
    const withoutBytes = (files: typeof read.files) => files.map(({ bytes: _bytes, ...rest }) => rest);
    assert.deepEqual(withoutBytes(again.files), withoutBytes(read.files));
    assert.deepEqual(again.skipped, read.skipped);
    assert.ok(read.skipped.some((entry) => entry.path === 'src/big.ts' && entry.reason.includes('--max-file-size')));

    // Other read options: nothing is reused (the size limit decides what is skipped).
    const otherOptions = new ReadShortcut(manifest, readOptionsKey({ maxFileSize: 1000, skipGenerated: true }));
    readAll(discovery, 1000, true, Infinity, { recorder: new ManifestRecorder(ahead(), readOptions), shortcut: otherOptions });
    assert.equal(otherOptions.served, 0);
  });

  it('re-reads a file whose bytes changed behind a restored mtime and size (ctime moved)', () => {
    const readOptions = readOptionsKey({ maxFileSize: 1000, skipGenerated: true });
    const recorder = new ManifestRecorder(ahead(), readOptions);
    const discovery = discover(options);
    const before = readAll(discovery, 1000, true, Infinity, { recorder });
    sneakyEdit(path.join(root, 'src/deep/b.ts'), '= 2', '= 3');
    const shortcut = new ReadShortcut(recorder.finish(), readOptions);
    const after = readAll(discovery, 1000, true, Infinity, { recorder: new ManifestRecorder(ahead(), readOptions), shortcut });
    assert.equal(shortcut.served, discovery.files.length - 1);
    const hashOf = (files: typeof before.files) => files.find((file) => file.path === 'src/deep/b.ts')!.hash;
    assert.notEqual(hashOf(after.files), hashOf(before.files));
  });

  it('does not trust what changed within the racy margin of the scan start', () => {
    const readOptions = readOptionsKey({ maxFileSize: 1000, skipGenerated: true });
    const recorder = new ManifestRecorder(Date.now(), readOptions);
    fs.writeFileSync(path.join(root, 'src/fresh.ts'), 'export const fresh = 1;\n');
    const trace: WalkTrace = { dirs: new Set(), ignoreFiles: [] };
    const discovery = discover(options, trace);
    readAll(discovery, 1000, true, Infinity, { recorder });
    recorder.walk(root, trace.dirs, trace.ignoreFiles, discovery);
    const manifest = recorder.finish();
    assert.ok(!manifest.reads.some(([file]) => file === 'src/fresh.ts'), 'a file written just now is read again next time');
    assert.equal(manifest.walk, undefined, 'its folder changed just now: the next scan walks again');
    fs.rmSync(path.join(root, 'src/fresh.ts'));
  });

  it('reuses the walk only while no listed folder and no .gitignore changed', () => {
    const walked = () => {
      const trace: WalkTrace = { dirs: new Set(), ignoreFiles: [] };
      const discovery = discover(options, trace);
      const recorder = new ManifestRecorder(ahead(), '');
      recorder.walk(root, trace.dirs, trace.ignoreFiles, discovery);
      return { discovery, walk: recorder.finish().walk, trace };
    };
    const { discovery, walk, trace } = walked();
    assert.ok(walk, 'recorded');
    assert.ok(trace.dirs.has('') && trace.dirs.has('src/deep'), [...trace.dirs].join(' '));
    assert.ok(!trace.dirs.has('ignored') || discovery.files.every((file) => !file.path.startsWith('ignored/')));
    assert.deepEqual(trace.ignoreFiles, ['.gitignore']);
    assert.deepEqual(reuseWalk(walk, root), { files: discovery.files, skipped: discovery.skipped });

    fs.writeFileSync(path.join(root, 'src/deep/new.ts'), 'export const n = 1;\n');
    assert.equal(reuseWalk(walk, root), undefined, 'a new file in a listed folder');
    const second = walked();
    assert.ok(second.discovery.files.some((file) => file.path === 'src/deep/new.ts'));

    sneakyEdit(path.join(root, '.gitignore'), 'ignored/', 'ignoreX/');
    assert.equal(reuseWalk(second.walk, root), undefined, 'a .gitignore rewritten in place');
    assert.ok(walked().discovery.files.some((file) => file.path === 'ignored/skip.ts'));
    sneakyEdit(path.join(root, '.gitignore'), 'ignoreX/', 'ignored/');
    fs.rmSync(path.join(root, 'src/deep/new.ts'));
  });
});

describe('the stat manifest: whole scans', () => {
  const root = roundTimes(makeTempTree(TREE, 'sonde-manifest-scan-'));
  const cacheDir = makeTempDir('sonde-manifest-cache-');
  const location = path.join(cacheDir, 'cache.sqlite');
  after(() => {
    removeTree(root);
    removeTree(cacheDir);
  });
  const cached = () => scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, cache: { enabled: true, location } }), { startedAt: ahead() });
  const uncached = () => scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0 }));

  it('a no-change warm scan neither walks nor reads, and gives the uncached result', async () => {
    const cold = await cached();
    assert.deepEqual(cold.profile.statManifest, { walkReused: false, readsSkipped: 0 });
    const warm = await cached();
    assert.deepEqual(warm.profile.statManifest, { walkReused: true, readsSkipped: warm.files.length + warm.skipped.filter((s) => s.size !== undefined).length });
    assert.equal(stablePart(warm), stablePart(await uncached()));
  });

  it('sees new bytes behind a restored mtime, a new file and a .gitignore edit, always as a scan without a cache', async () => {
    await cached();
    sneakyEdit(path.join(root, 'src/a.ts'), 'x > 0', 'x < 0');
    const edited = await cached();
    assert.equal(edited.profile.statManifest?.walkReused, true);
    assert.equal(stablePart(edited), stablePart(await uncached()));

    fs.writeFileSync(path.join(root, 'src/deep/c.ts'), 'export const c = 3;\n');
    const added = await cached();
    assert.equal(added.profile.statManifest?.walkReused, false);
    assert.ok(added.files.some((file) => file.path === 'src/deep/c.ts'));
    assert.equal(stablePart(added), stablePart(await uncached()));

    sneakyEdit(path.join(root, '.gitignore'), 'ignored/', 'ignoreX/');
    const unignored = await cached();
    assert.ok(unignored.files.some((file) => file.path === 'ignored/skip.ts'));
    assert.equal(stablePart(unignored), stablePart(await uncached()));
  });

  it('a scan of named paths walks them every time, but still skips reading unchanged files', async () => {
    const named = (cache: boolean) =>
      scan(
        createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, paths: ['src/deep', 'src/index.ts'], ...(cache ? { cache: { enabled: true, location } } : {}) }),
        { startedAt: ahead() },
      );
    await named(true);
    const warm = await named(true);
    assert.deepEqual(warm.profile.statManifest, { walkReused: false, readsSkipped: warm.files.length });
    assert.equal(stablePart(warm), stablePart(await named(false)));
  });
});
