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
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
}
