/**
 * The parser's V8 code cache as a scan uses it: only with --cache, only in
 * the user's private cache folder (never the scanned tree), shared by workers and the
 * in-process analyzer, and never a reason for different results — cold,
 * warm, damaged or absent.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, statSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { codeCacheSupported } from '../../src/analysis/code-cache-store.js';
import { createScanOptions, scan } from '../../src/index.js';
import type { ParallelSetting } from '../../src/config/options.js';
import { codeCacheDirFor } from '../../src/engine/strategy.js';
import { jsonReporter } from '../../src/reporters/json.js';
import type { ScanResult } from '../../src/types.js';
import { FIXTURES, REPO_ROOT, removeTree } from '../helpers/temp-tree.js';

function copyOfFixture(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sonde-code-cache-'));
  cpSync(path.join(FIXTURES, 'basic'), root, { recursive: true });
  return root;
}

function stablePart(result: ScanResult): string {
  const report = JSON.parse(jsonReporter(result, { color: false })) as { files: unknown; findings: unknown };
  return JSON.stringify({ files: report.files, findings: report.findings });
}

function run(root: string, parallel: ParallelSetting, cache: boolean): Promise<ScanResult> {
  const defaults = createScanOptions(root);
  return scan(createScanOptions(root, { parallel, sampleIntervalMs: 0, cache: { ...defaults.cache, enabled: cache } }));
}

function blobs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.v8')).sort() : [];
}

/** Every path under root, relative, sorted. */
function listing(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).map((name) => name.split(path.sep).join('/')).sort();
}

/**
 * A fresh private cache folder for one test: XDG_CACHE_HOME for this process
 * (in-process scans) and for the children it spawns.
 */
function useCacheHome(): { codeCache: string; env: NodeJS.ProcessEnv; restore(): void } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'sonde-xdg-'));
  const previous = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = home;
  return {
    codeCache: path.join(home, 'sonde', 'v8-code-cache'),
    env: { ...process.env, XDG_CACHE_HOME: home, NO_COLOR: '1', CI: 'true' },
    restore() {
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
      removeTree(home);
    },
  };
}

/** Removes the facts cache (and its WAL files) but not the code cache beside it. */
function forgetCachedFacts(root: string): void {
  const dir = path.join(root, '.sonde');
  for (const name of readdirSync(dir)) if (name.startsWith('cache.sqlite')) removeTree(path.join(dir, name));
}

describe('codeCacheDirFor', () => {
  it("is in the user's private cache folder, with any cache store, and absent without --cache or when that folder is not private", () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'sonde-xdg-'));
    try {
      const env = { XDG_CACHE_HOME: home };
      const expected = path.join(home, 'sonde', 'v8-code-cache');
      assert.equal(codeCacheDirFor({ enabled: true, location: '/repo/.sonde/cache.sqlite' }, env), expected);
      assert.equal((statSync(expected).mode & 0o777).toString(8), '700');
      assert.equal(codeCacheDirFor({ enabled: true, location: 'redis://cache.internal:6379/0', store: { kind: 'redis', url: 'redis://cache.internal:6379/0' } }, env), expected);
      assert.equal(codeCacheDirFor({ enabled: false, location: '/repo/.sonde/cache.sqlite' }, env), undefined);
      chmodSync(expected, 0o770);
      assert.equal(codeCacheDirFor({ enabled: true, location: '/repo/.sonde/cache.sqlite' }, env), undefined, 'group-writable: refused');
    } finally {
      removeTree(home);
    }
  });
});

describe('the parser code cache in a scan', { skip: !codeCacheSupported() && 'zlib.crc32 needs Node 20.15+' }, () => {
  it('with --cache, workers write it into the private cache folder and nothing into the tree but the cache file', async () => {
    const root = copyOfFixture();
    const home = useCacheHome();
    try {
      const before = listing(root);
      await run(root, 2, true);
      const sondeDir = path.join(root, '.sonde');
      assert.ok(blobs(home.codeCache).length >= 1);
      const added = listing(root).filter((name) => !before.includes(name));
      assert.deepEqual(
        added.filter((name) => !/^\.sonde(\/|$)/.test(name)),
        [],
        'nothing outside .sonde/',
      );
      assert.deepEqual(
        readdirSync(sondeDir).filter((name) => !name.startsWith('cache.sqlite')),
        [],
      );
    } finally {
      home.restore();
      removeTree(root);
    }
  });

  it('without --cache, writes no code cache at all', async () => {
    const root = copyOfFixture();
    try {
      const before = listing(root);
      await run(root, 2, false);
      assert.deepEqual(listing(root), before);
    } finally {
      removeTree(root);
    }
  });

  it('gives identical results cold, with a warm code cache, and with damaged blobs (which it replaces)', async () => {
    const root = copyOfFixture();
    const home = useCacheHome();
    try {
      const expected = stablePart(await run(root, 0, false));
      const codeCache = home.codeCache;
      const forgetFacts = () => forgetCachedFacts(root);

      const cold = await run(root, 2, true);
      assert.equal(stablePart(cold), expected, 'cold: no code cache yet');
      // The profile says so, summed over the workers that analyzed (what sonde bench reads).
      assert.ok(cold.profile.codeCache && cold.profile.codeCache.loaded === 0 && cold.profile.codeCache.compiled > 0, JSON.stringify(cold.profile.codeCache));
      const written = blobs(codeCache);
      assert.ok(written.length >= 1);

      forgetFacts();
      const warm = await run(root, 2, true);
      assert.equal(stablePart(warm), expected, 'facts cold, code cache warm');
      assert.ok(warm.profile.codeCache && warm.profile.codeCache.loaded > 0 && warm.profile.codeCache.compiled === 0, JSON.stringify(warm.profile.codeCache));
      assert.deepEqual(blobs(codeCache), written, 'a usable code cache is not rewritten');

      for (const name of written) {
        const file = path.join(codeCache, name);
        const bytes = readFileSync(file);
        for (let offset = 64; offset < bytes.length; offset += 4093) bytes[offset]! ^= 0xff;
        writeFileSync(file, bytes);
      }
      forgetFacts();
      assert.equal(stablePart(await run(root, 2, true)), expected, 'damaged blobs fall back to compiling');
      const rewritten = blobs(codeCache);
      assert.equal(rewritten.length, written.length);
      assert.ok(rewritten.every((name) => !written.includes(name)), 'every damaged blob was replaced');
    } finally {
      home.restore();
      removeTree(root);
    }
  });

  it('in-process (a fresh process, so its parser is not loaded yet): writes the code cache, then uses it', () => {
    const root = copyOfFixture();
    const home = useCacheHome();
    const sonde = () =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'sonde.js'), 'scan', root, '--parallel', '0', '--cache', '--format', 'json'], {
        encoding: 'utf8',
        env: home.env,
        timeout: 120_000,
      });
    const filesAndFindings = (stdout: string) => {
      const report = JSON.parse(stdout) as { files: unknown; findings: unknown };
      return JSON.stringify({ files: report.files, findings: report.findings });
    };
    try {
      const cold = sonde();
      assert.equal(cold.status, 0, cold.stderr);
      const codeCache = home.codeCache;
      const written = blobs(codeCache);
      assert.ok(written.length >= 1);

      forgetCachedFacts(root);
      const warm = sonde();
      assert.equal(warm.status, 0, warm.stderr);
      assert.equal(filesAndFindings(warm.stdout), filesAndFindings(cold.stdout));
      assert.deepEqual(blobs(codeCache), written, 'the blobs were used, not rewritten');
    } finally {
      home.restore();
      removeTree(root);
    }
  });

  it('two scans at once both succeed with identical results, and leave blobs the next scan uses', async () => {
    const root = copyOfFixture();
    const home = useCacheHome();
    const sonde = () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'sonde.js'), 'scan', root, '--parallel', '2', '--cache', '--format', 'json'], {
          env: home.env,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const filesAndFindings = (stdout: string) => {
      const report = JSON.parse(stdout) as { files: unknown; findings: unknown };
      return JSON.stringify({ files: report.files, findings: report.findings });
    };
    try {
      const [first, second] = await Promise.all([sonde(), sonde()]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(filesAndFindings(first.stdout), filesAndFindings(second.stdout));
      const codeCache = home.codeCache;
      const written = blobs(codeCache);
      assert.ok(written.length >= 1);

      forgetCachedFacts(root);
      const third = await sonde();
      assert.equal(third.code, 0, third.stderr);
      assert.equal(filesAndFindings(third.stdout), filesAndFindings(first.stdout));
      assert.deepEqual(blobs(codeCache), written, 'the surviving blobs were used, not rewritten');
    } finally {
      home.restore();
      removeTree(root);
    }
  });
});
