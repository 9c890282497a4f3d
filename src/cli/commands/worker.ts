/**
 * `sonde worker [REDIS_URL] [--concurrency N] [--root DIR] [--idle-exit S]`:
 * a long-running process that takes analysis jobs from `sonde scan --queue`
 * coordinators, reads the files from its own checkout under DIR, and writes
 * the facts to the shared cache on the same Redis. SIGTERM finishes the jobs
 * in hand, then exits 0; Ctrl-C exits at once (a job in hand is redone by
 * another worker once its lock expires).
 */
import { realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../../analysis/analyzer.js';
import { NULL_CACHE, type FactsCache } from '../../cache/facts-cache.js';
import { cacheNamespace } from '../../cache/namespace.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../../config/options.js';
import { decodeSource } from '../../engine/read-source.js';
import { codeCacheDirFor } from '../../engine/strategy.js';
import { UserError } from '../../errors.js';
import { escapeTerminal } from '../../text/index.js';
import type { FileFacts } from '../../types.js';
import { TOOL_VERSION } from '../../version.js';
import { EXIT_INTERRUPTED } from '../exit-code.js';
import { renderFlags, type Flag } from '../flag-table.js';
import { parseFlags } from '../parse-flags.js';
import type { CommandHandler } from '../command.js';

/** `sonde worker`'s flags: the parser's options and `sonde worker --help`. */
export const WORKER_FLAGS = [
  { name: 'concurrency', type: 'string', arg: 'N', description: 'jobs at a time, each on its own analysis thread', default: '1' },
  { name: 'root', type: 'string', arg: 'DIR', description: 'the checkout the jobs\' paths are read from (the same commit as the scan)', default: 'the working directory' },
  { name: 'idle-exit', type: 'string', arg: 'SECONDS', description: 'exit 0 once no job has come for SECONDS (a CI job that ends with the scan); 0 = never', default: '0' },
  { name: 'help', short: 'h', type: 'boolean', description: 'this help' },
] as const satisfies readonly Flag[];

export const WORKER_HELP = `Usage: sonde worker [REDIS_URL] [options]

Take the analysis jobs of scans that use the queue on REDIS_URL, and write
the facts to the shared cache on that Redis. REDIS_URL may come from
SONDE_REDIS_URL, and a password from SONDE_REDIS_PASSWORD, so that it never
shows in \`ps\`. Every machine needs the same SONDE_CACHE_SECRET and the
same sonde version.
SIGTERM finishes the jobs in hand, then exits; Ctrl-C exits at once.

Options:
${renderFlags(WORKER_FLAGS)}
`;

export const workerCommand: CommandHandler = async (argv, io) => {
  const { values, positionals } = parseFlags(WORKER_FLAGS, argv, { helpCommand: 'sonde worker --help' });
  if (values.help) {
    io.stdout.write(WORKER_HELP);
    return 0;
  }
  const { parseQueueUrl, queueSettings, startQueueWorker } = await import('../../queue/index.js');
  if (positionals.length > 1) throw new UserError('INVALID_OPTION', `sonde worker takes one Redis URL, got ${positionals.length} arguments`);
  const urlText = positionals[0] ?? io.env.SONDE_REDIS_URL;
  if (!urlText) throw new UserError('INVALID_OPTION', 'sonde worker needs a Redis URL', 'Pass redis://host:port[/db], or set SONDE_REDIS_URL.');
  const location = parseQueueUrl(urlText, positionals[0] ? 'sonde worker' : 'SONDE_REDIS_URL', io.env);
  const concurrency = parseWhole('--concurrency', values.concurrency ?? '1', 1, 256);
  const idleExitMs = parseWhole('--idle-exit', values['idle-exit'] ?? '0', 0, 86_400) * 1000;
  const root = checkoutRoot(path.resolve(io.cwd, values.root ?? '.'));
  const say = (line: string) => io.stderr.write(`sonde worker: ${line}\n`);

  const analyzer = await createAnalyzer(concurrency, io.env);
  // Load the parser now, not on the first job: a job's time is then analysis only.
  await analyzer.analyze([], DEFAULT_ANALYSIS_OPTIONS, () => {});
  // One cache per options namespace, opened on first use. A write that fails (a timeout, a server
  // restart) drops it, so the next job opens a fresh connection instead of running without a cache for good.
  const caches = new Map<string, { readonly cache: Promise<FactsCache>; warnings: number }>();
  const storeFacts = async (analysis: AnalysisOptions, entries: readonly (readonly [string, FileFacts])[]): Promise<boolean> => {
    const namespace = cacheNamespace(TOOL_VERSION, analysis);
    let entry = caches.get(namespace);
    if (!entry) {
      const opened: { cache: Promise<FactsCache>; warnings: number } = { cache: Promise.resolve(NULL_CACHE), warnings: 0 };
      opened.cache = import('../../cache/open-cache.js').then(({ openFactsCache }) =>
        openFactsCache({
          location: { kind: 'redis', url: location.url },
          analysisOptions: analysis,
          toolVersion: TOOL_VERSION,
          env: io.env,
          onWarning: (_code, message) => {
            opened.warnings += 1;
            say(`warning: ${message}`);
          },
        }),
      );
      caches.set(namespace, opened);
      entry = opened;
    }
    const cache = await entry.cache;
    const before = entry.warnings;
    if (cache.enabled) await cache.setMany(entries);
    const failed = !cache.enabled || entry.warnings > before;
    if (failed) {
      caches.delete(namespace);
      await cache.close();
    }
    return !failed;
  };

  let active = 0;
  let lastActivity = performance.now();
  const worker = await startQueueWorker(
    location,
    queueSettings(io.env),
    concurrency,
    { root, toolVersion: TOOL_VERSION, workerName: `${os.hostname()}:${process.pid}`, analyzer, decode: decodeSource, storeFacts },
    (event) => {
      lastActivity = performance.now();
      if (event.type === 'ready') say(`waiting for jobs on ${location.label} (sonde ${TOOL_VERSION}, root ${escapeTerminal(root)}, concurrency ${concurrency})`);
      else if (event.type === 'job:start') {
        active += 1;
        say(`job ${escapeTerminal(event.jobId)}: started`);
      }
      else if (event.type === 'job:done') {
        active -= 1;
        say(`job ${escapeTerminal(event.jobId)}: ${event.files} files, ${event.errors} without facts, ${Math.round(event.ms)} ms`);
      } else if (event.type === 'job:failed') {
        active -= 1;
        say(`job ${escapeTerminal(event.jobId)} ${event.refused ? '' : 'failed: '}${escapeTerminal(event.reason)}`);
      } else say(`warning: ${escapeTerminal(event.message)}`);
    },
  ).catch((error: unknown) => {
    throw new UserError('QUEUE_UNAVAILABLE', `Cannot use the queue at ${location.label}: ${error instanceof Error ? error.message : String(error)}`);
  });

  let interrupted = false;
  const stop = (force: boolean) => void worker.close(force);
  io.onTerminate?.(() => {
    say('SIGTERM: finishing the jobs in hand, then exiting');
    stop(false);
  });
  const onAbort = () => {
    interrupted = true;
    stop(true);
  };
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const idleTimer =
    idleExitMs > 0
      ? setInterval(() => {
          if (active === 0 && performance.now() - lastActivity >= idleExitMs) {
            say(`no job for ${idleExitMs / 1000} s: exiting`);
            stop(false);
          }
        }, Math.min(1000, idleExitMs))
      : undefined;
  try {
    await worker.closed;
  } finally {
    if (idleTimer) clearInterval(idleTimer);
    io.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled([analyzer.close(), ...[...caches.values()].map(async (entry) => (await entry.cache).close())]);
  }
  return interrupted ? EXIT_INTERRUPTED : 0;
};

/** The parser loaded once for the worker's life: in-process for one job at a time, else one thread per job. */
async function createAnalyzer(concurrency: number, env: Readonly<Record<string, string | undefined>>): Promise<Analyzer> {
  const codeCacheDir = codeCacheDirFor({ enabled: true, location: '' }, env);
  if (concurrency === 1) {
    const { createSequentialAnalyzer } = await import('../../engine/sequential-analyzer.js');
    return createSequentialAnalyzer(codeCacheDir);
  }
  const { createPoolAnalyzer } = await import('../../parallel/pool-analyzer.js');
  return createPoolAnalyzer(concurrency, codeCacheDir !== undefined ? { codeCacheDir } : {});
}

/** The checkout's real path: job paths are joined to it and must resolve inside it. */
function checkoutRoot(dir: string): string {
  try {
    if (statSync(dir).isDirectory()) return realpathSync(dir);
  } catch {
    // reported below
  }
  throw new UserError('ROOT_NOT_FOUND', `--root ${escapeTerminal(dir)}: no such directory`);
}

function parseWhole(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UserError('INVALID_OPTION', `${flag} ${text}: expected a whole number from ${min} to ${max}`);
  return value;
}
