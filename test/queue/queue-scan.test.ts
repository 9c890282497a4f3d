/**
 * `sonde scan --queue` with real `sonde worker` processes on a real
 * redis-server: the report is byte-identical to a sequential scan's whoever
 * analyzed what, and each fault of the issue (#15) ends in a finished scan:
 * a worker SIGKILLed mid-job (another worker redoes it after the stalled
 * check), Redis restarted mid-scan (the coordinator finishes here, with a
 * warning), two coordinators on one queue (nothing mixes), no worker at all
 * (the deadline), a worker of another version (refused).
 */
import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Queue, QueueEvents } from 'bullmq';
import { requireProgram } from '../helpers/require-program.js';
import { removeTree } from '../helpers/temp-tree.js';
import { startRedisServer, type RedisServer } from '../cache/helpers/redis-server.js';
import { killWorker, projectTree, scanJson, stable, startRedisOnPort, startWorker, withEnv, type WorkerProcess } from './helpers/queue-fixtures.js';
import { cacheNamespace } from '../../src/cache/namespace.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import { PROTOCOL_VERSION, QUEUE_NAME, QUEUE_PREFIX } from '../../src/queue/protocol.js';
import { TOOL_VERSION } from '../../src/version.js';
import { openFactsCache } from '../../src/cache/open-cache.js';
import { createSequentialAnalyzer } from '../../src/engine/sequential-analyzer.js';
import { createQueueAnalyzer, queueSettings } from '../../src/queue/index.js';

describe('scan --queue with sonde workers', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  let tree: string;
  let reference: string;
  const workers: WorkerProcess[] = [];
  let db = 0;
  /** Each test its own database: its own queue and cache. */
  const nextUrl = () => `${server.url}/${++db}`;

  before(async () => {
    server = await startRedisServer();
    tree = projectTree(120, 7);
    const sequential = (await scanJson(tree, '--parallel', '0')).report;
    assert.equal(sequential.summary.queue, undefined, 'summary.queue only for a queue scan');
    reference = stable(sequential);
  });
  after(async () => {
    await Promise.all(workers.map(killWorker));
    await server.stop();
    removeTree(tree);
  });

  it('two workers analyze the misses: files and findings byte-identical to a sequential scan, remote workers in the progress and the summary', async () => {
    const url = nextUrl();
    workers.push(...(await Promise.all([startWorker(url, tree), startWorker(url, tree)])));
    const { report, stderr } = await withEnv({ SONDE_QUEUE_DEADLINE_MS: '20000' }, () => scanJson(tree, '--queue', url));
    assert.equal(stable(report), reference);
    assert.deepEqual(report.warnings, []);
    const queue = report.summary.queue!;
    assert.equal(queue.remoteFiles + queue.localFiles, report.summary.files);
    assert.equal(queue.localFiles, 0);
    assert.ok(queue.workers >= 1 && queue.workers <= 2, JSON.stringify(queue));
    const workerIds = new Set(
      stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; workerId?: number })
        .filter((event) => event.type === 'file:done')
        .map((event) => event.workerId),
    );
    assert.ok([...workerIds].every((id) => id !== undefined && id >= 1), `remote workers have ids ≥ 1: ${[...workerIds].join(',')}`);
    // Warm: everything from the shared cache, nothing enqueued.
    const warm = await scanJson(tree, '--queue', url);
    assert.equal(stable(warm.report), reference);
    assert.deepEqual(warm.report.summary.queue, { workers: 0, remoteFiles: 0, localFiles: 0 });
    await Promise.all(workers.splice(0).map(killWorker));
  });

  it('one coordinator, several analyze calls (the memory batches of the engine): every call is served by the workers', async () => {
    const url = nextUrl();
    workers.push(await startWorker(url, tree));
    const files = readdirSync(path.join(tree, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .slice(0, 40)
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const bytes = readFileSync(file);
        return { path: path.relative(tree, file).split(path.sep).join('/'), text: bytes.toString('utf8'), contentKey: `ts:${hash('sha1', bytes)}` };
      });
    const cache = await openFactsCache({ location: { kind: 'redis', url }, analysisOptions: DEFAULT_ANALYSIS_OPTIONS, toolVersion: TOOL_VERSION, onWarning: assert.fail });
    const analyzer = await createQueueAnalyzer({
      location: { url, label: url },
      settings: { ...queueSettings({}), deadlineMs: 20_000 },
      toolVersion: TOOL_VERSION,
      namespace: cacheNamespace(TOOL_VERSION, DEFAULT_ANALYSIS_OPTIONS),
      cache,
      local: createSequentialAnalyzer(),
      warn: (_code, message) => assert.fail(message),
    });
    try {
      const workerIds: number[] = [];
      for (const slice of [files.slice(0, 20), files.slice(20)]) {
        await analyzer.analyze(slice, DEFAULT_ANALYSIS_OPTIONS, (outcome, workerId) => {
          assert.ok(outcome.ok && outcome.stored, outcome.path);
          workerIds.push(workerId);
        });
      }
      assert.equal(workerIds.length, 40);
      assert.deepEqual(analyzer.summary(), { workers: 1, remoteFiles: 40, localFiles: 0 });
    } finally {
      await analyzer.close();
      await cache.close();
      await Promise.all(workers.splice(0).map(killWorker));
    }
  });

  it('a worker SIGKILLed mid-job: another worker takes the stalled job over, and the report is the same', async () => {
    const url = nextUrl();
    const doomed = await startWorker(url, tree);
    workers.push(doomed);
    const scanning = withEnv({ SONDE_QUEUE_DEADLINE_MS: '20000' }, () => scanJson(tree, '--queue', url));
    await doomed.waitFor(/started/);
    await killWorker(doomed);
    const survivor = await startWorker(url, tree);
    workers.push(survivor);
    const { report } = await scanning;
    assert.equal(stable(report), reference);
    assert.equal(report.summary.queue!.localFiles, 0, 'nothing fell back to the coordinator');
    assert.match(survivor.output(), /job \S+-0: \d+ files/, 'the survivor did the killed worker\'s first job');
    await Promise.all(workers.splice(0).map(killWorker));
  });

  it('SIGTERM: the worker finishes the job in hand, acknowledges it and exits 0; the coordinator does the rest', async () => {
    const url = nextUrl();
    // A long lock: on a loaded machine a 1 s lock can lapse mid-job, and the coordinator would rightly take the job back.
    const worker = await startWorker(url, tree, { SONDE_QUEUE_LOCK_MS: '30000' });
    workers.push(worker);
    const scanning = withEnv({ SONDE_QUEUE_DEADLINE_MS: '1000' }, () => scanJson(tree, '--queue', url));
    await worker.waitFor(/started/);
    worker.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, worker.output());
    assert.match(worker.output(), /SIGTERM[\s\S]*job \S+: \d+ files, 0 without facts/);
    const { report } = await scanning;
    assert.equal(stable(report), reference);
    assert.ok(report.summary.queue!.remoteFiles > 0, `the job in hand was delivered: ${JSON.stringify(report.summary.queue)} ${report.warnings.join(' | ')}`);
    workers.splice(0);
  });

  it('no worker at all: after the deadline the coordinator analyzes everything itself', async () => {
    const { report } = await withEnv({ SONDE_QUEUE_DEADLINE_MS: '300' }, () => scanJson(tree, '--queue', nextUrl()));
    assert.equal(stable(report), reference);
    assert.equal(report.summary.queue!.localFiles, report.summary.files);
  });

  it('two coordinators scanning different trees on one queue: each report is its own tree\'s', async () => {
    const url = nextUrl();
    const other = projectTree(120, 8);
    try {
      const otherReference = stable((await scanJson(other, '--parallel', '0')).report);
      assert.notEqual(otherReference, reference);
      // One worker, with the first tree's checkout: the second scan's jobs hash-mismatch there and come back.
      workers.push(await startWorker(url, tree));
      const [first, second] = await withEnv({ SONDE_QUEUE_DEADLINE_MS: '20000' }, () =>
        Promise.all([scanJson(tree, '--queue', url), scanJson(other, '--queue', url)]),
      );
      assert.equal(stable(first.report), reference);
      assert.equal(stable(second.report), otherReference);
      assert.ok(second.report.summary.queue!.localFiles > 0);
      assert.deepEqual(
        second.report.warnings.filter((warning) => /could not deliver/.test(warning)).length,
        1,
        `one warning says the worker's checkout could not serve those files:\n${second.report.warnings.join('\n')}`,
      );
    } finally {
      await Promise.all(workers.splice(0).map(killWorker));
      removeTree(other);
    }
  });

  it('a job of another sonde version or other options is refused, with the reason', async () => {
    const url = nextUrl();
    const worker = await startWorker(url, tree);
    workers.push(worker);
    const connection = { host: '127.0.0.1', port: server.port, db };
    const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
    // From the stream's start ('0-0', this database is the test's own): with the default '$', a job that fails
    // before the first XREAD is issued (a loaded machine) is never seen, and the wait below never ends.
    const events = new QueueEvents(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX, lastEventId: '0-0' });
    try {
      await events.waitUntilReady();
      const job = (toolVersion: string, namespace: string) => ({
        protocol: PROTOCOL_VERSION,
        scanId: '00000000-0000-4000-8000-000000000000',
        toolVersion,
        namespace,
        analysis: DEFAULT_ANALYSIS_OPTIONS,
        files: [{ path: 'src/index.ts', key: `ts:${'0'.repeat(40)}`, size: 10 }],
      });
      const failed = new Map<string, string>();
      const bothFailed = new Promise<void>((resolve) =>
        events.on('failed', ({ jobId, failedReason }) => {
          failed.set(jobId, failedReason);
          if (failed.size === 2) resolve();
        }),
      );
      await queue.add('analyze', job('0.0.0-elsewhere', cacheNamespace('0.0.0-elsewhere', DEFAULT_ANALYSIS_OPTIONS)), { jobId: 'version' });
      await queue.add('analyze', job(TOOL_VERSION, cacheNamespace(TOOL_VERSION, { todoTags: ['OTHER'] })), { jobId: 'options' });
      await bothFailed;
      assert.match(failed.get('version')!, new RegExp(`refused: this worker runs sonde ${TOOL_VERSION.replaceAll('.', '\\.')}, the scan runs 0\\.0\\.0-elsewhere`));
      assert.match(failed.get('options')!, /refused: the job's analysis options hash to/);
      assert.match(worker.output(), /refused: this worker runs sonde/);
    } finally {
      await events.close();
      await queue.close();
      await Promise.all(workers.splice(0).map(killWorker));
    }
  });

  it('Redis restarted mid-scan: the coordinator finishes, here, with a warning, and the report is the same', async () => {
    const port = server.port;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sonde-redis-restart-'));
    const url = `redis://127.0.0.1:${port}/15`;
    let restarted: Awaited<ReturnType<typeof startRedisOnPort>> | undefined;
    try {
      const scanning = withEnv({ SONDE_QUEUE_DEADLINE_MS: '1500' }, () => scanJson(tree, '--queue', url));
      // Mid-scan: once the jobs are in the queue, waiting for a worker.
      const watcher = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port, db: 15 }, prefix: QUEUE_PREFIX });
      while ((await watcher.getWaitingCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      await watcher.close();
      await server.stop();
      restarted = await startRedisOnPort(port, dir);
      const { report } = await scanning;
      assert.equal(stable(report), reference);
      assert.equal(report.summary.queue!.localFiles, report.summary.files);
      assert.ok(report.warnings.some((warning) => /vanished from the queue|stopped answering/.test(warning)), report.warnings.join('\n'));
    } finally {
      restarted?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
