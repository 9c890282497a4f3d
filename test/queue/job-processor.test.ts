/**
 * A worker's side of a job, in-process with the real analysis and a real
 * (SQLite) facts cache: the job's paths are untrusted, so anything that
 * leaves the root is refused per file; bytes that differ from the
 * coordinator's give an error, never facts; and a malformed job is refused.
 */
import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openFactsCache } from '../../src/cache/open-cache.js';
import type { FactsCache } from '../../src/cache/facts-cache.js';
import { cacheNamespace } from '../../src/cache/namespace.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { decodeSource } from '../../src/engine/read-source.js';
import { createSequentialAnalyzer } from '../../src/engine/sequential-analyzer.js';
import { processJob, unsafePath, type JobProcessorDeps } from '../../src/queue/job-processor.js';
import { parseJob, parseJobResult, PROTOCOL_VERSION } from '../../src/queue/protocol.js';
import { inShard, parseShard } from '../../src/queue/shard.js';
import { TOOL_VERSION } from '../../src/version.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

const SOURCE = 'export function f(a: number) {\n  return a > 1 ? a : 0;\n}\n';
const keyOf = (ext: string, text: string) => `${ext}:${hash('sha1', Buffer.from(text))}`;

function job(files: { path: string; key: string; size: number }[], overrides: Record<string, unknown> = {}) {
  return {
    protocol: PROTOCOL_VERSION,
    scanId: '00000000-0000-4000-8000-000000000001',
    toolVersion: TOOL_VERSION,
    namespace: cacheNamespace(TOOL_VERSION, DEFAULT_ANALYSIS_OPTIONS),
    analysis: DEFAULT_ANALYSIS_OPTIONS,
    files,
    ...overrides,
  };
}

describe('a worker processing a job', () => {
  let outside: string;
  let root: string;
  let cacheDir: string;
  let cache: FactsCache;
  let deps: JobProcessorDeps;
  before(async () => {
    outside = makeTempTree({ 'secret.ts': SOURCE });
    const checkout = makeTempTree({ 'src/a.ts': SOURCE, 'src/b.ts': '// changed on this machine\n' });
    root = realpathSync(checkout);
    mkdirSync(path.join(root, 'links'));
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'links', 'out.ts'));
    symlinkSync(path.join(root, 'src', 'a.ts'), path.join(root, 'links', 'in.ts'));
    cacheDir = makeTempTree({});
    cache = await openFactsCache({
      location: path.join(cacheDir, 'cache.sqlite'),
      analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
      toolVersion: TOOL_VERSION,
      onWarning: (_code, message) => assert.fail(message),
    });
    deps = {
      root,
      toolVersion: TOOL_VERSION,
      workerName: 'test:1',
      analyzer: createSequentialAnalyzer(),
      decode: decodeSource,
      storeFacts: async (_analysis, entries) => {
        await cache.setMany(entries);
        return true;
      },
    };
  });
  after(async () => {
    await cache.close();
    for (const dir of [outside, root, cacheDir]) removeTree(dir);
  });

  it('analyzes files inside the root into the cache; refuses paths out of it; reports a changed file, never its facts', async () => {
    const size = Buffer.byteLength(SOURCE);
    const result = await processJob(
      job([
        { path: 'src/a.ts', key: keyOf('ts', SOURCE), size },
        { path: 'links/in.ts', key: keyOf('ts', SOURCE), size },
        { path: 'src/b.ts', key: keyOf('ts', SOURCE), size },
        { path: 'links/out.ts', key: keyOf('ts', SOURCE), size },
        { path: '../x/secret.ts', key: keyOf('ts', SOURCE), size },
        { path: `${outside}/secret.ts`, key: keyOf('ts', SOURCE), size },
      ]),
      deps,
    );
    assert.deepEqual(
      result.errors.map((entry) => [entry.path, entry.error.code]),
      [
        ['src/b.ts', 'hash-mismatch'],
        ['links/out.ts', 'outside-root'],
        ['../x/secret.ts', 'outside-root'],
        [`${outside}/secret.ts`, 'outside-root'],
      ],
    );
    const stored = await cache.getMany([keyOf('ts', SOURCE), keyOf('ts', '// changed on this machine\n')]);
    assert.deepEqual([...stored.keys()], [keyOf('ts', SOURCE)]);
    assert.equal(stored.get(keyOf('ts', SOURCE))!.functions[0]!.cyclomatic, 2);
    assert.equal(parseJobResult(JSON.stringify(result))?.errors.length, 4, 'the result survives its trip through Redis');
  });

  it('a failed cache write sends the analyzed files back to the coordinator instead of losing them', async () => {
    const failing = { ...deps, storeFacts: async () => false };
    const result = await processJob(job([{ path: 'src/a.ts', key: keyOf('ts', SOURCE), size: Buffer.byteLength(SOURCE) }]), failing);
    assert.deepEqual(result.errors.map((entry) => [entry.path, entry.error.code]), [['src/a.ts', 'cache-write']]);
  });

  it('refuses a job that is not one, or of another version or options', async () => {
    await assert.rejects(processJob({ protocol: 99 }, deps), { name: 'UnrecoverableError', message: /refused: not a sonde analysis job/ });
    await assert.rejects(processJob(job([], { toolVersion: '9.9.9' }), deps), { name: 'UnrecoverableError', message: /runs sonde .*, the scan runs 9\.9\.9/ });
    await assert.rejects(processJob(job([], { analysis: { todoTags: ['X'] } }), deps), { name: 'UnrecoverableError', message: /options hash/ });
  });

  it('parses only well-formed jobs and results', () => {
    assert.equal(typeof parseJob(job([{ path: 'a.ts', key: 'ts:nothex', size: 1 }])), 'string');
    assert.equal(typeof parseJob(job([], { analysis: { todoTags: ['X'], code: 'process.exit()' } })), 'string');
    assert.equal(typeof parseJob(job([{ path: 'a.ts', key: keyOf('ts', ''), size: 0 }])), 'object');
    assert.equal(parseJobResult('{"worker":1}'), undefined);
    assert.equal(parseJobResult('not json'), undefined);
  });

  it('names what is unsafe in a path', () => {
    for (const bad of ['', '/etc/passwd', '../a.ts', 'a/../../b.ts', 'a//b.ts', './a.ts', 'a\\..\\b.ts', 'a\0.ts']) assert.ok(unsafePath(bad), bad);
    for (const good of ['a.ts', 'src/x/y.tsx', '..a.ts', 'a..b/c.ts']) assert.equal(unsafePath(good), undefined, good);
  });
});

describe('--shard i/n', () => {
  it('puts every path in exactly one slice, the same one every time', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `src/m${i}/file${i}.ts`);
    const count = 4;
    const slices = paths.map((file) => [1, 2, 3, 4].filter((index) => inShard(file, { index, count })));
    assert.ok(slices.every((slice) => slice.length === 1));
    for (let index = 1; index <= count; index++) {
      const size = slices.filter((slice) => slice[0] === index).length;
      assert.ok(size > 80 && size < 170, `slice ${index} has ${size} of 500`);
    }
  });

  it('parses i/n and refuses the rest', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3']) assert.throws(() => parseShard(bad), { name: 'UserError' }, bad);
  });
});
