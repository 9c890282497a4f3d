import { runCli } from './cli.js';

/**
 * The only place that touches `process`: wires the real streams, turns
 * Ctrl-C into an AbortSignal (a second Ctrl-C exits at once), sets the exit code.
 */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
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
  });
}
