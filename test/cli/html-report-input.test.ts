/**
 * What the CLI hands the HTML reporter: the command line (a Redis password
 * hidden), a machine summary without host or user names, and source text
 * only with --html-include-source, read inside the scanned root only.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { htmlReportInput } from '../../src/cli/html-report-input.js';
import { parseScanArgs } from '../../src/cli/scan-args.js';
import { facts, file, makeResult } from '../reporters/fixtures.js';
import { makeTempDir, makeTempTree, removeTree } from '../helpers/temp-tree.js';

describe('htmlReportInput', () => {
  const root = makeTempTree({ 'a.ts': 'export const a = 1;\n', 'big.ts': 'x'.repeat(100) });
  const outside = makeTempDir();
  fs.writeFileSync(path.join(outside, 'secret.ts'), 'secret\n');
  fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'link.ts'));
  after(() => {
    removeTree(root);
    removeTree(outside);
  });
  const result = makeResult({
    root,
    files: [file('a.ts', facts()), file('big.ts', facts()), file('link.ts', facts()), file('gone.ts', facts()), file('bad.ts', null, { error: { message: 'x', code: 'binary' } })],
  });

  it('reads the analyzed files inside the root, within the size cap, and only when asked', () => {
    const input = htmlReportInput([root, '--format', 'html', '--html-include-source'], result, true, 50, new Date('2026-01-02T03:04:05Z'));
    assert.deepEqual([...input.sources!.entries()], [['a.ts', 'export const a = 1;\n']], 'not the 100-byte file, the link out of the root, a vanished or a failed file');
    assert.equal(htmlReportInput([root], result, false, 50).sources, undefined);
    assert.equal(input.date, '2026-01-02T03:04:05.000Z');
  });

  it('quotes the command line as a shell would need it, and hides a URL password', () => {
    const input = htmlReportInput(['src dir', '--cache-location', 'redis://user:hunter2@cache:6379/0', "it's"], result, false, 50);
    assert.equal(input.commandLine, `sonde scan 'src dir' --cache-location redis://***@cache:6379/0 'it'\\''s'`);
  });

  it('summarizes the machine without its host name', () => {
    const machine = htmlReportInput([], result, false, 50).machine!;
    assert.match(machine, new RegExp(`Node ${process.version.replaceAll('.', '\\.')}$`));
    assert.equal(machine.includes(os.hostname()), false);
  });

  it('--html-include-source is a scan flag, off by default', () => {
    assert.equal(parseScanArgs([root], root).htmlIncludeSource, false);
    assert.equal(parseScanArgs([root, '--html-include-source'], root).htmlIncludeSource, true);
  });
});
