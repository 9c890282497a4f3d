/**
 * The queue's Redis, as BullMQ connects to it (ioredis options; the facts
 * cache keeps its own node-redis client, cache/redis-store.ts).
 *
 * The password never has to be on a command line, where `ps` shows it: a
 * URL without one takes `SONDE_REDIS_PASSWORD`, and `sonde worker` reads the
 * whole URL from `SONDE_REDIS_URL`. Every message that could hold the URL
 * goes through `redactUrl`/`hidePassword`.
 */
import type { ConnectionOptions } from 'bullmq';
import { hidePassword, parseCacheLocation, redactUrl } from '../config/cache-location.js';
import { UserError } from '../errors.js';

/** A validated queue URL: `url` logs in (credentials included), `label` is safe to print. */
export interface QueueLocation {
  readonly url: string;
  readonly label: string;
}

/**
 * Parses the URL given to `--queue` or `sonde worker` (`source` names it in
 * errors); a URL without a password gets `SONDE_REDIS_PASSWORD`.
 */
export function parseQueueUrl(text: string, source: string, env: Readonly<Record<string, string | undefined>>): QueueLocation {
  const location = parseCacheLocation(text, '/', source);
  if (location.kind !== 'redis') {
    throw new UserError('INVALID_OPTION', `${source} ${text}: expected a Redis URL`, 'Expected redis://[user:password@]host:port[/db] (or rediss:// for TLS).');
  }
  const url = new URL(location.url);
  const password = env.SONDE_REDIS_PASSWORD;
  if (!url.password && password) url.password = encodeURIComponent(password);
  return { url: url.href.replace(/\/$/, ''), label: redactUrl(location.url) };
}

/** BullMQ's connection options for a location; `blocking` for Worker and QueueEvents (they wait on Redis forever by design). */
export function connectionOptions(location: QueueLocation, blocking: boolean): ConnectionOptions {
  const url = new URL(location.url);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    connectTimeout: 2000,
    // A coordinator must not wait on a dead server: its own calls have deadlines (queue-analyzer.ts),
    // and ioredis should fail them rather than queue them for ever. Blocking clients must retry (BullMQ requires null).
    maxRetriesPerRequest: blocking ? null : 1,
    enableOfflineQueue: blocking,
    // Reconnect with a short backoff: a restarted server is picked up again within a second.
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
  };
}

/** A driver's message with the location's password removed. */
export function scrub(location: QueueLocation, message: string): string {
  return hidePassword(location.url, message);
}
