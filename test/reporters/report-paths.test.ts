import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prettyReporter } from '../../src/reporters/pretty.js';
import { pathFrom, pathsFrom } from '../../src/reporters/report-paths.js';
import { toSarifLog } from '../../src/reporters/sarif.js';
import { makeResult } from './fixtures.js';

describe('report paths', () => {
  it('pathFrom: a scan-root path as seen from another directory', () => {
    const table: [string, string, string | undefined, string][] = [
      ['/repo/src', 'engine/scan.ts', undefined, 'engine/scan.ts'],
      ['/repo/src', 'engine/scan.ts', '/repo', 'src/engine/scan.ts'],
      ['/repo/src', 'engine/scan.ts', '/repo/src/engine', 'scan.ts'],
      ['/repo/src', 'engine/scan.ts', '/repo/test', '../src/engine/scan.ts'],
      ['/repo', 'a b/c,d.ts', '/repo', 'a b/c,d.ts'],
    ];
    for (const [root, reportPath, from, expected] of table) assert.equal(pathFrom(root, reportPath, from), expected, `${root} ${reportPath} from ${from}`);
  });

  it('pathsFrom (folders resolved once) agrees with pathFrom wherever the working directory is', () => {
    const paths = ['a.ts', 'src/a.ts', 'src/b.ts', 'src/engine/scan.ts', 'src/engine/deep/x.ts', 'test/a.ts', 'a b/c,d.ts', 'src/.hidden.ts'];
    const froms = [undefined, '/repo', '/repo/src', '/repo/src/engine', '/repo/src/engine/deep', '/repo/test', '/', '/other/place', '/repo/srcx'];
    for (const from of froms) {
      const show = pathsFrom('/repo', from);
      for (const reportPath of paths) assert.equal(show(reportPath), pathFrom('/repo', reportPath, from), `${reportPath} from ${from}`);
    }
  });

  it('pretty: paths from cwd; whole lines at Infinity columns, cut lines at 40', () => {
    const result = makeResult(); // root /tmp/project
    const fromTmp = prettyReporter(result, { color: false, cwd: '/tmp', columns: Infinity });
    assert.match(fromTmp, /^project\/src\/a\.ts$/m);
    assert.doesNotMatch(fromTmp, /…/);
    const narrow = prettyReporter(result, { color: false, cwd: '/tmp', columns: 40 });
    const longest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
    assert.ok(longest(narrow) < longest(fromTmp), 'a 40-column report is laid out narrower');
    // Every finding message appears whole on one line without a width.
    for (const findings of result.fileFindings.values()) {
      for (const finding of findings) assert.ok(fromTmp.split('\n').some((line) => line.includes(finding.message)), finding.message);
    }
  });

  it('SARIF: %SRCROOT% is the repository root when it holds the scan root, else the scan root', () => {
    const result = makeResult(); // root /tmp/project
    const inRepo = toSarifLog(result, { repoRoot: '/tmp' }).runs[0];
    assert.equal(inRepo.originalUriBaseIds?.['%SRCROOT%'].uri, 'file:///tmp/');
    assert.ok(inRepo.results!.every((entry) => entry.locations![0].physicalLocation!.artifactLocation!.uri!.startsWith('project/')));
    const outside = toSarifLog(result, { repoRoot: '/elsewhere' }).runs[0];
    assert.equal(outside.originalUriBaseIds?.['%SRCROOT%'].uri, 'file:///tmp/project/');
    assert.deepEqual(toSarifLog(result, { repoRoot: '/tmp/project' }), toSarifLog(result));
  });
});
