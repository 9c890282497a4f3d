/**
 * A real redis-server for one test file: its own free port, its own temp
 * dir, no persistence. Suites that use it declare
 * `{ skip: requireProgram('redis-server') }`: skipped outside CI when it is
 * missing, failed under CI (.ci/run installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { programPath } from '../../helpers/require-program.js';

export interface RedisServer {
  readonly port: number;
  /** redis://[:password@]127.0.0.1:port */
  readonly url: string;
  /** Sends a signal without waiting (SIGSTOP/SIGCONT to freeze and thaw the server). */
  signal(signal: NodeJS.Signals): void;
  /** Kills the server (SIGKILL: as a crash looks) and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(options: { password?: string } = {}): Promise<RedisServer> {
  const redisServer = programPath('redis-server');
  // Another process may take the port between freePort() and the bind: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(redisServer, await freePort(), options.password);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(redisServer: string, port: number, password: string | undefined): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sonde-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  if (password) args.push('--requirepass', password);
  const child = spawn(redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      running.delete(child);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await waitUntilReady(child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    url: `redis://${password ? `:${encodeURIComponent(password)}@` : ''}127.0.0.1:${port}`,
    signal: (signal) => child.kill(signal),
    stop,
  };
}

/** Resolves once the server logs that it accepts connections; rejects if it exits first or takes over 10 s. */
function waitUntilReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output()}`)), 10_000);
    const check = () => {
      if (/Ready to accept connections/.test(output())) done();
    };
    const onExit = () => fail(new Error(`redis-server exited at start:\n${output()}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
    };
    const done = () => (cleanup(), resolve());
    const fail = (error: Error) => (cleanup(), reject(error));
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}
