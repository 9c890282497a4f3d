import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactReporter } from '../../src/reporters/compact.js';
import { escapeData, escapeProperty, githubReporter } from '../../src/reporters/github.js';
import { errorsOnly } from '../../src/reporters/quiet.js';
import { allFindings } from '../../src/reporters/report-model.js';
import type { ScanResult } from '../../src/types.js';
import { makeResult } from './fixtures.js';

/** makeResult with one hostile finding: a path with a comma and a colon, a message with %, CR, LF and ESC. */
function hostile(): ScanResult {
  const base = makeResult();
  const fileFindings = new Map(base.fileFindings);
  fileFindings.set('src/a.ts', [
    ...(base.fileFindings.get('src/a.ts') ?? []),
    { rule: 'todo-comment', severity: 'info', line: 4, column: 2, message: '100% done\r\nnext: a,b \u001b[31mred' },
  ]);
  return { ...base, fileFindings };
}

describe('--format compact', () => {
  it('one line per finding: path:line:col: severity message [rule], every finding once', () => {
    const result = makeResult();
    const lines = compactReporter(result, { color: false }).trimEnd().split('\n');
    assert.equal(lines.length, allFindings(result).length);
    for (const line of lines) assert.match(line, /^[^\s:]+:\d+:\d+: (error|warning|info) .+ \[[a-z-]+\]$/);
    assert.ok(lines.includes('src/a.ts:9:3: error Empty catch block: the error is silently swallowed. [empty-catch]'), lines.join('\n'));
  });

  it('prints paths relative to the working directory', () => {
    const text = compactReporter(makeResult(), { color: false, cwd: '/tmp' });
    assert.match(text, /^project\/src\/a\.ts:9:3: error /m);
    assert.match(compactReporter(makeResult(), { color: false, cwd: '/tmp/project/src' }), /^a\.ts:9:3: error /m);
  });

  it('keeps a hostile message on one line, with no terminal control character', () => {
    const text = compactReporter(hostile(), { color: false });
    const line = text.split('\n').find((candidate) => candidate.includes('100%'));
    assert.ok(line);
    assert.match(line, /\\r\\nnext/);
    assert.equal(text.includes('\u001b'), false);
  });

  it('prints nothing for a scan without findings', () => {
    const clean = { ...makeResult(), fileFindings: new Map(), crossFile: { ...makeResult().crossFile, findings: [] } };
    assert.equal(compactReporter(clean, { color: false }), '');
  });
});

describe('--format github', () => {
  it('escapes data and properties as the Actions runner does', () => {
    assert.equal(escapeData('50%\r\nnext: a,b'), '50%25%0D%0Anext: a,b');
    assert.equal(escapeProperty('a: b, c%\n'), 'a%3A b%2C c%25%0A');
    // % first, so an escape already in the text is not read as one.
    assert.equal(escapeData('%0A'), '%250A');
  });

  it('one workflow command per finding, notice for info', () => {
    const result = makeResult();
    const lines = githubReporter(result, { color: false }).trimEnd().split('\n');
    assert.equal(lines.length, allFindings(result).length);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[a-z-]+::.+$/);
    assert.ok(lines.includes('::error file=src/a.ts,line=9,col=3,title=empty-catch::Empty catch block: the error is silently swallowed.'));
    assert.ok(lines.some((line) => line.startsWith('::notice ') && line.includes('title=todo-comment')));
  });

  it('a hostile path and message cannot end the command early or start another', () => {
    const base = hostile();
    const fileFindings = new Map([['src/a,b:c.ts', base.fileFindings.get('src/a.ts')!]]);
    const result = { ...base, fileFindings, files: base.files.map((file) => (file.path === 'src/a.ts' ? { ...file, path: 'src/a,b:c.ts' } : file)) };
    const text = githubReporter(result, { color: false });
    const line = text.split('\n').find((candidate) => candidate.includes('100%25'));
    assert.ok(line, text);
    assert.match(line, /^::notice file=src\/a%2Cb%3Ac\.ts,line=4,col=2,title=todo-comment::100%25 done%0D%0Anext: a,b \\x1b\[31mred$/);
    assert.equal(text.split('\n').filter(Boolean).every((entry) => entry.startsWith('::')), true);
  });

  it('prints paths relative to the working directory (the checkout in a job)', () => {
    assert.match(githubReporter(makeResult(), { color: false, cwd: '/tmp' }), /file=project\/src\/a\.ts,/);
  });
});

describe('--quiet (errorsOnly)', () => {
  it('keeps error findings only, per-file and cross-file, and everything else', () => {
    const result = makeResult();
    const quiet = errorsOnly(result);
    const kept = allFindings(quiet);
    assert.ok(kept.length > 0);
    assert.ok(kept.every((finding) => finding.severity === 'error'));
    assert.equal(kept.length, allFindings(result).filter((finding) => finding.severity === 'error').length);
    assert.equal(quiet.crossFile.findings.length, 0);
    assert.equal(quiet.files, result.files);
    assert.equal(quiet.warnings, result.warnings);
    assert.equal(quiet.crossFile.graph, result.crossFile.graph);
  });
});
