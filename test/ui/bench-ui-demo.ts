/**
 * Runs the Ink bench view on a real benchmark (`node dist/test/ui/bench-ui-demo.js [bench args…]`),
 * for the README capture and for trying the view before the CLI wires it.
 */
import process from 'node:process';
import { parseBenchArgs } from '../../src/bench/bench-args.js';
import { runBench } from '../../src/bench/runner.js';
import type { CliIO } from '../../src/cli/io.js';
import { runBenchUi } from '../../src/ui/run-bench-ui.js';

const options = parseBenchArgs(process.argv.slice(2), process.cwd());
const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
const report = await runBenchUi({ io, color: !process.env.NO_COLOR, runBench: (listener, signal) => runBench(options.bench, listener, signal) });
process.exitCode = report ? 0 : 2;
