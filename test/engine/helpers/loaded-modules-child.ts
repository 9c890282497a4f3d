/**
 * Runs `sonde scan <args…>` in this process through runCli, then prints (one
 * JSON line on stdout) the CommonJS modules it loaded from node_modules, by
 * package: ts-morph, typescript, piscina and the sqlite3 driver are all
 * CommonJS, so `require.cache` shows whether a scan loaded them.
 */
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli.js';

const require = createRequire(import.meta.url);
const sink = () => new PassThrough().resume();
const code = await runCli(process.argv.slice(2), { stdout: sink(), stderr: sink(), env: { ...process.env, NO_COLOR: '1', CI: 'true' }, cwd: process.cwd() });
const packages = new Set<string>();
for (const file of Object.keys(require.cache)) {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
  if (match) packages.add(match[1]!.replace('\\', '/'));
}
process.stdout.write(`${JSON.stringify({ code, packages: [...packages].sort() })}\n`);
