/**
 * Real scans through `--cache-location redis://…` (the CLI in-process, and
 * bin/ in a child process), against this file's own redis-server: the cache
 * changes nothing in the report, counts its hits, never shows the password,
 * and a server that is gone costs a warning, not the scan or a hung process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { parseScanArgs } from '../../src/cli/scan-args.js';
import { scan } from '../../src/engine/scan.js';
import { fakeIO } from '../helpers/fake-io.js';
import { FIXTURES, REPO_ROOT, makeTempTree, removeTree } from '../helpers/temp-tree.js';
import { freePort, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { requireProgram } from '../helpers/require-program.js';

/** Characters that must be percent-encoded in a URL, so redaction is tested on both forms. */
const PASSWORD = 'pa:ss@w/rd#1';

interface Report {
  summary: { files: number; cache: { enabled: boolean; hits: number; misses: number } };
  files: unknown[];
  findings: unknown[];
  graph: unknown;
  warnings: string[];
}

async function scanJson(root: string, ...args: string[]): Promise<{ report: Report; output: string }> {
  const run = fakeIO({ cwd: root });
  const code = await runCli(['scan', '.', '--format', 'json', '--progress', 'plain', '--parallel', '0', '--fail-on', 'never', ...args], run.io);
  assert.equal(code, 0, run.stderr);
  return { report: JSON.parse(run.stdout) as Report, output: run.stdout + run.stderr };
}

/** What must be byte-identical whatever the cache did. */
const stable = (report: Report) => JSON.stringify({ files: report.files, findings: report.findings, graph: report.graph });

describe('scans through a Redis cache', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  let root: string;
  let reference: string;
  let fileCount: number;
  before(async () => {
    server = await startRedisServer({ password: PASSWORD });
    root = makeTempTree({});
    cpSync(path.join(FIXTURES, 'basic'), root, { recursive: true });
    writeFileSync(path.join(root, 'src/broken.ts'), 'export function broken( {\n');
    const { report } = await scanJson(root);
    reference = stable(report);
    fileCount = report.summary.files;
    assert.ok(fileCount >= 5 && report.findings.length > 0, 'the fixture has files and cross-file findings');
  });
  after(async () => {
    await server.stop();
    removeTree(root);
  });

  it('cold, then warm: byte-identical files, findings and graph to a scan without the cache; hits and misses counted', async () => {
    const url = `${server.url}/1`;
    const cold = await scanJson(root, '--cache', '--cache-location', url);
    assert.deepEqual(cold.report.summary.cache, { ...cold.report.summary.cache, enabled: true, hits: 0, misses: fileCount });
    assert.equal(stable(cold.report), reference);
    const warm = await scanJson(root, '--cache', '--cache-location', url);
    assert.deepEqual(warm.report.summary.cache, { ...warm.report.summary.cache, enabled: true, hits: fileCount, misses: 0 });
    assert.equal(stable(warm.report), reference);
    assert.deepEqual(warm.report.warnings, []);
    for (const output of [cold.output, warm.output]) {
      assert.ok(!output.includes(PASSWORD) && !output.includes(encodeURIComponent(PASSWORD)), 'the password is never printed');
    }
  });

  it("the repository's config cannot point at Redis; SONDE_CACHE_LOCATION and a --config outside the root can, and the password stays hidden", async () => {
    const project = makeTempTree({});
    const outside = makeTempTree({ 'ci.json': JSON.stringify({ cache: true, cacheLocation: `${server.url}/2` }) });
    try {
      cpSync(root, project, { recursive: true });
      writeFileSync(path.join(project, 'sonde.config.json'), JSON.stringify({ cache: true, cacheLocation: `${server.url}/2` }));
      assert.throws(() => parseScanArgs(['.'], project), (error: Error) => error.name === 'UserError' && /cacheLocation: a URL is not allowed here/.test(error.message));
      assert.throws(() => parseScanArgs(['.', '--config', 'sonde.config.json'], project), /a URL is not allowed here/, 'named, but inside the root: still the repository\'s');
      const trusted = parseScanArgs(['.', '--config', path.join(outside, 'ci.json')], project);
      assert.equal(trusted.scan.cache.location, `redis://:***@127.0.0.1:${server.port}/2`);

      writeFileSync(path.join(project, 'sonde.config.json'), JSON.stringify({ cache: true }));
      const options = parseScanArgs(['.'], project, { SONDE_CACHE_LOCATION: `${server.url}/2` });
      assert.equal(options.scan.cache.location, `redis://:***@127.0.0.1:${server.port}/2`);
      const cold = await scan({ ...options.scan, sampleIntervalMs: 0 });
      const warm = await scan({ ...options.scan, sampleIntervalMs: 0 });
      assert.equal(cold.cache.misses, fileCount);
      assert.equal(warm.cache.hits, fileCount);
      assert.equal(warm.cache.location, `redis://:***@127.0.0.1:${server.port}/2`);
    } finally {
      removeTree(project);
      removeTree(outside);
    }
  });

  it('a port with nothing listening: a warning, and the complete scan', async () => {
    const { report, output } = await scanJson(root, '--cache', '--cache-location', `redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${await freePort()}`);
    assert.equal(report.summary.cache.enabled, false);
    assert.equal(stable(report), reference);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0], /Cache disabled for this scan: the Redis server at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ is not usable/);
    assert.match(output, /sonde: warning: Cache disabled/);
    assert.ok(!output.includes(PASSWORD) && !output.includes(encodeURIComponent(PASSWORD)));
  });

  it('the server killed between scans: a warning, and the complete scan', async () => {
    const own = await startRedisServer();
    const cold = await scanJson(root, '--cache', '--cache-location', own.url);
    assert.equal(cold.report.summary.cache.misses, fileCount);
    await own.stop();
    const after = await scanJson(root, '--cache', '--cache-location', own.url);
    assert.equal(stable(after.report), reference);
    assert.equal(after.report.warnings.length, 1);
    assert.match(after.report.warnings[0], /Redis server at redis:\/\/127\.0\.0\.1:\d+ is not usable/);
  });

  it('bin/sonde exits on its own after a Redis scan, with the server up or down (no socket left open)', async () => {
    const bin = path.join(REPO_ROOT, 'bin', 'sonde.js');
    for (const url of [`${server.url}/3`, `redis://127.0.0.1:${await freePort()}`]) {
      const run = spawnSync(process.execPath, [bin, 'scan', '.', '--cache', '--cache-location', url, '--format', 'json', '--fail-on', 'never'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true', NO_COLOR: '1' },
        // Only a hang reaches this; a scan of six files takes about a second.
        timeout: 60_000,
      });
      assert.equal(run.status, 0, `${url}: ${run.error ?? ''} ${run.stderr}`);
      assert.equal(stable(JSON.parse(run.stdout) as Report), reference);
    }
  });
});
