/**
 * The shared cache for a CI fleet: @keyv/redis over a node-redis client that
 * we connect ourselves, because the adapter's defaults suit a long-lived
 * server, not a scan that must never wait on a dead cache:
 * - it reconnects forever with backoff; ours has no background reconnect
 *   (`reconnectStrategy: false`) and queues nothing while offline, so a
 *   server that dies mid-scan fails the next batch at once (the adapter's
 *   one connect attempt per call is bounded by the connect timeout);
 * - a connect, a batch or a close that gets no answer within its deadline
 *   destroys the socket, so a hung server costs seconds, not the scan;
 * - PING at open proves the password and database before the scan relies on it.
 * Batches are @keyv/redis's own: getMany is one MGET, setMany one MULTI of SETs.
 * Keys are `<namespace>:<content key>`, exactly the SQLite keys.
 */
import KeyvRedis, { createClient, type RedisClientType } from '@keyv/redis';
import { hidePassword, redactUrl } from '../config/cache-location.js';
import type { FactsStore } from './keyv-facts-cache.js';
import { withDeadline } from '../util/with-deadline.js';

/** TCP connect plus handshake; a reachable server answers in milliseconds. */
const REDIS_CONNECT_TIMEOUT_MS = 2000;
/** One batch (500 keys) or the close; generous for a remote server, short enough that a hung one does not stall CI. */
const REDIS_COMMAND_TIMEOUT_MS = 5000;

interface RedisTimeouts {
  readonly connectMs?: number;
  readonly commandMs?: number;
}

export type RedisClient = RedisClientType;

/**
 * Connects to `url` and checks the server answers as this user, on this
 * database. Rejects when it does not, leaving no socket open.
 */
export async function connectRedis(url: string, timeouts: RedisTimeouts = {}): Promise<RedisClient> {
  const connectMs = timeouts.connectMs ?? REDIS_CONNECT_TIMEOUT_MS;
  const client = createClient({
    url,
    socket: { connectTimeout: connectMs, reconnectStrategy: false },
    disableOfflineQueue: true,
  });
  // Failures reach us as rejected commands; the event would only crash the process.
  client.on('error', () => {});
  try {
    await withDeadline(
      client.connect().then(() => client.ping()),
      connectMs,
      () => `no answer from ${redactUrl(url)} within ${connectMs} ms`,
    );
  } catch (error) {
    destroy(client);
    throw error;
  }
  return client;
}

/** Closes gracefully, or destroys the socket when the server does not answer in time. Never rejects. */
export async function closeRedis(client: RedisClient, timeoutMs = REDIS_COMMAND_TIMEOUT_MS): Promise<void> {
  if (!client.isOpen) return;
  try {
    await withDeadline(client.close(), timeoutMs, () => 'close timed out');
  } catch {
    destroy(client);
  }
}

/** Opens the Redis facts store for one namespace; rejects (nothing left open) when the server is not usable. */
export async function openRedisStore(url: string, namespace: string, timeouts: RedisTimeouts = {}): Promise<FactsStore> {
  const commandMs = timeouts.commandMs ?? REDIS_COMMAND_TIMEOUT_MS;
  const client = await connectRedis(url, timeouts);
  const adapter = new KeyvRedis<string>(client, {
    namespace,
    // Keyv's own separator, so the keys match the SQLite store's.
    keyPrefixSeparator: ':',
    throwOnConnectError: true,
    throwOnErrors: true,
  });
  const label = redactUrl(url);
  const timedOut = () => {
    destroy(client);
    return `${label} did not answer within ${commandMs} ms`;
  };
  const getMany = adapter.getMany.bind(adapter);
  const setMany = adapter.setMany.bind(adapter);
  adapter.getMany = ((keys: string[]) => withDeadline(getMany(keys), commandMs, timedOut)) as typeof adapter.getMany;
  adapter.setMany = (entries) => withDeadline(setMany(entries), commandMs, timedOut);
  return {
    adapter,
    prefixesKeys: true,
    label,
    close: () => closeRedis(client, commandMs),
    scrub: (message) => hidePassword(url, message),
  };
}

function destroy(client: RedisClient): void {
  try {
    client.destroy();
  } catch {
    // Already closed.
  }
}
