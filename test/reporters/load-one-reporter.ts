/**
 * Child process for test/reporters/index.test.ts: loads one reporter through
 * the table and prints, as JSON, every module of dist/src/ that got loaded
 * (seen by a module `load` hook), relative to dist/src/.
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import type { ReportFormat } from '../../src/reporters/reporter.js';

const hooks = `
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`;
const { port1, port2 } = new MessageChannel();
const loaded: string[] = [];
port1.on('message', (url: string) => loaded.push(url));
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });

const { loadReporter } = await import('../../src/reporters/index.js');
await loadReporter(process.argv[2] as ReportFormat);
// The hook thread posts asynchronously; let its last messages arrive.
await new Promise((resolve) => setTimeout(resolve, 50));
port1.close();
process.stdout.write(JSON.stringify(loaded.filter((url) => url.includes('/dist/src/')).map((url) => url.replace(/^.*\/dist\/src\//, ''))));
