import { runCli } from './cli.js';

/** How long a Ctrl-C'd run may spend closing workers, children and the cache before the process just ends. */
const INTERRUPT_GRACE_MS = 600;

/**
 * The only place that touches `process`: wires the real streams, turns
 * Ctrl-C (SIGINT) into an AbortSignal, sets the exit code.
 *
 * Ctrl-C ends the process within a second whatever the phase: the abort lets
 * the run stop cleanly and report "Scan interrupted." itself; if it has not
 * finished after INTERRUPT_GRACE_MS (a native call that does not return, a
 * slow cache close), or on a second Ctrl-C, the process says so and ends by
 * SIGINT itself (status 130 in the shell).
 */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let finished = false;
  const exitInterrupted = (): void => {
    if (finished) return;
    process.stderr.write('sonde: Scan interrupted.\n');
    // Not process.exit: Node's exit joins the libuv thread pool, and a native call stuck there
    // (a SQLite query that never ends) would hold it for good. Dying of the signal itself, as
    // Unix tools do, cannot be held up; the shell reports it as 130.
    process.removeAllListeners('SIGINT');
    process.kill(process.pid, 'SIGINT');
  };
  const onSignal = (): void => {
    if (controller.signal.aborted) exitInterrupted();
    controller.abort();
    setTimeout(exitInterrupted, INTERRUPT_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  // `sonde scan --format json | head` closes the pipe early: that is the reader's choice, not a
  // failure, so leave quietly as other Unix tools do instead of crashing on an unhandled 'error'.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      controller.abort();
      process.exit(process.exitCode ?? 0);
    });
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    onTerminate: (handler) => process.on('SIGTERM', handler),
  });
  finished = true;
  // Interrupted: the run has reported it; lingering handles (a worker pool still draining) must not hold the exit.
  if (controller.signal.aborted) process.exit(process.exitCode);
}
