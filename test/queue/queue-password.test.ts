/**
 * A Redis with a password: the worker takes its URL from SONDE_REDIS_URL
 * and the coordinator its password from SONDE_REDIS_PASSWORD, so neither
 * command line (what `ps` shows) holds it, and no output prints it; a
 * wrong password is a redacted warning and a local scan, not a failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli.js';
import { fakeIO } from '../helpers/fake-io.js';
import { requireProgram } from '../helpers/require-program.js';
import { removeTree } from '../helpers/temp-tree.js';
import { startRedisServer, type RedisServer } from '../cache/helpers/redis-server.js';
import { killWorker, projectTree, startWorker, type Report, type WorkerProcess } from './helpers/queue-fixtures.js';

const PASSWORD = 'qu:eue@pa/ss#9';

describe('a queue on a Redis with a password', { skip: requireProgram('redis-server') }, () => {
  let server: RedisServer;
  let tree: string;
  let worker: WorkerProcess | undefined;
  before(async () => {
    server = await startRedisServer({ password: PASSWORD });
    tree = projectTree(20, 5);
  });
  after(async () => {
    if (worker) await killWorker(worker);
    await server.stop();
    removeTree(tree);
  });

  async function coordinator(password: string) {
    const run = fakeIO({ cwd: tree, env: { SONDE_REDIS_PASSWORD: password, SONDE_QUEUE_DEADLINE_MS: '500' } });
    const code = await runCli(['scan', '.', '--queue', `redis://127.0.0.1:${server.port}/2`, '--format', 'json', '--progress', 'plain', '--fail-on', 'never'], run.io);
    assert.equal(code, 0, run.stderr);
    return { report: JSON.parse(run.stdout) as Report, output: run.stdout + run.stderr };
  }

  it('works with the password in the environment only, and never prints it', async () => {
    worker = await startWorker('', tree, { SONDE_REDIS_URL: `${server.url}/2` }).catch(async () => {
      throw new Error('worker did not start');
    });
    assert.ok(!worker.child.spawnargs.join(' ').includes(PASSWORD), 'the command line has no password');
    const { report, output } = await coordinator(PASSWORD);
    assert.equal(report.summary.queue!.localFiles, 0, output);
    assert.ok(report.summary.queue!.remoteFiles > 0);
    for (const text of [output, worker.output()]) {
      assert.ok(!text.includes(PASSWORD) && !text.includes(encodeURIComponent(PASSWORD)), text);
    }
  });

  it('a wrong password: a redacted warning, and the coordinator scans alone', async () => {
    const { report, output } = await coordinator('wrong-password-123');
    assert.equal(report.summary.queue!.localFiles, report.summary.files);
    assert.ok(report.warnings.some((warning) => /queue|cache/i.test(warning)), report.warnings.join('\n'));
    assert.ok(!output.includes('wrong-password-123'));
  });
});
