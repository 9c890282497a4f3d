/**
 * Packed per-file findings (rules/packed-findings.ts): what a large scan
 * holds until its report. Every read gives back what was stored, same keys in
 * the same order; the suppression and --quiet views keep them packed; and a
 * packed scan reports exactly what an unpacked one does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScanOptions, scan } from '../../src/index.js';
import { mapFileFindings, PackedFindings } from '../../src/rules/packed-findings.js';
import { withoutSuppressed } from '../../src/config/suppressions.js';
import { errorsOnly } from '../../src/reporters/quiet.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { SCAN_BASE_BYTES } from '../../src/config/memory-budget.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

const plain: Finding = { rule: 'complexity', severity: 'warning', line: 3, column: 1, message: "Function 'f' has a cyclomatic complexity of 12 (max 10)." };
const odd: Finding = { rule: 'todo-comment', severity: 'info', line: 9, column: 4, message: 'Unresolved TODO "quoted" \u0000 \u2028 é comment.' };
const suppressed: Finding = { ...plain, line: 7, suppressed: true };
const withPath: Finding = { rule: 'unused-export', severity: 'info', path: 'src/a.ts', line: 1, column: 14, message: "'a' is never imported." };

/** Key order included: the JSON text of each list. */
const text = (findings: readonly Finding[] | undefined) => JSON.stringify(findings);

describe('PackedFindings', () => {
  it('gives back each list as stored, keys in the same order, for every kind of finding', () => {
    const lists: [string, Finding[]][] = [
      ['a.ts', [plain, odd]],
      ['b.ts', []],
      ['c.ts', [suppressed, withPath]],
    ];
    const packed = new PackedFindings(lists);
    assert.equal(packed.size, 3);
    for (const [path, findings] of lists) assert.equal(text(packed.get(path)), text(findings));
    assert.equal(packed.get('none.ts'), undefined);
    assert.equal(packed.has('b.ts'), true);
    assert.deepEqual([...packed.keys()], ['a.ts', 'b.ts', 'c.ts']);
    assert.equal(text([...packed.values()].flat()), text([plain, odd, suppressed, withPath]));
    assert.equal(JSON.stringify([...packed]), JSON.stringify(lists));
    const seen: string[] = [];
    packed.forEach((findings, path) => seen.push(`${path}:${findings.length}`));
    assert.deepEqual(seen, ['a.ts:2', 'b.ts:0', 'c.ts:2']);
  });

  it('hands out a fresh list on each read, so no reader changes another’s', () => {
    const packed = new PackedFindings([['a.ts', [plain]]]);
    const first = packed.get('a.ts') as Finding[];
    first.pop();
    assert.equal(packed.get('a.ts')!.length, 1);
  });

  it('keeps a list it cannot encode exactly as it came', () => {
    const extra = { ...plain, data: 1 } as Finding;
    const reordered = { message: 'm', rule: 'r', severity: 'error', line: 1, column: 1 } as Finding;
    const fraction = { ...plain, line: 1.5 };
    const packed = new PackedFindings([
      ['x.ts', [plain, extra]],
      ['y.ts', [reordered]],
      ['z.ts', [fraction]],
    ]);
    assert.equal(text(packed.get('x.ts')), text([plain, extra]));
    assert.equal(text(packed.get('y.ts')), text([reordered]));
    assert.equal(text(packed.get('z.ts')), text([fraction]));
  });

  it('knows whether any list holds a suppressed finding, also after a list is replaced', () => {
    const packed = new PackedFindings([['a.ts', [plain]]]);
    assert.equal(packed.hasSuppressed(), false);
    packed.set('b.ts', [suppressed]);
    assert.equal(packed.hasSuppressed(), true);
    packed.set('b.ts', [plain]);
    assert.equal(packed.hasSuppressed(), false);
  });

  it('stays packed through mapFileFindings, and a plain Map stays plain', () => {
    const packed = new PackedFindings([['a.ts', [plain, odd]]]);
    const infos = mapFileFindings(packed, (findings) => findings.filter((finding) => finding.severity === 'info'));
    assert.ok(infos instanceof PackedFindings);
    assert.equal(text(infos.get('a.ts')), text([odd]));
    const fromMap = mapFileFindings(new Map([['a.ts', [plain]]]), (findings) => findings);
    assert.ok(!(fromMap instanceof PackedFindings));
  });
});

describe('views of a result with packed findings', () => {
  const result = (fileFindings: ReadonlyMap<string, readonly Finding[]>) =>
    ({ fileFindings, crossFile: { graph: { nodes: [], edges: [], external: [], unresolved: [] }, findings: [] } }) as unknown as ScanResult;

  it('withoutSuppressed leaves the suppressed out and counts them, packed or not', () => {
    const lists: [string, Finding[]][] = [['a.ts', [plain, suppressed]], ['b.ts', [odd]]];
    const fromPacked = withoutSuppressed(result(new PackedFindings(lists)));
    const fromMap = withoutSuppressed(result(new Map(lists)));
    assert.ok(fromPacked.fileFindings instanceof PackedFindings);
    assert.equal(fromPacked.suppressedFindings, 1);
    assert.equal(fromMap.suppressedFindings, 1);
    assert.equal(JSON.stringify([...fromPacked.fileFindings]), JSON.stringify([...fromMap.fileFindings]));
  });

  it('withoutSuppressed hands packed findings with none suppressed on as they are', () => {
    const packed = new PackedFindings([['a.ts', [plain]]]);
    const shown = withoutSuppressed(result(packed));
    assert.equal(shown.fileFindings, packed);
    assert.equal(shown.suppressedFindings, 0);
  });

  it('errorsOnly keeps them packed', () => {
    const quiet = errorsOnly(result(new PackedFindings([['a.ts', [plain, { ...odd, severity: 'error' }]]])));
    assert.ok(quiet.fileFindings instanceof PackedFindings);
    assert.deepEqual([...quiet.fileFindings.values()].flat().map((finding) => finding.severity), ['error']);
  });
});

describe('a scan that packs its findings', () => {
  it('reports exactly what one that does not reports (a budget packs a small scan)', async () => {
    const root = makeTempTree({
      'src/a.ts': "import { b } from './b';\n// TODO: later\nexport function a(x: any) {\n  if (x) { if (x > 1) { if (x > 2) { if (x > 3) { if (x > 4) { return b; } } } } }\n  return 0;\n}\n",
      'src/b.ts': "export const b = 1;\nexport const unused = 2;\n// sonde-disable-next-line no-explicit-any\nexport const c: any = 3;\ntry { b; } catch {}\n",
      'src/c.ts': 'export function éé(a: number, b: number, c: number, d: number, e: number, f: number) { return a + b + c + d + e + f; }\n',
    });
    try {
      const free = await scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0 }));
      const budgeted = await scan(createScanOptions(root, { parallel: 0, sampleIntervalMs: 0, maxMemory: SCAN_BASE_BYTES * 4 }));
      assert.ok(!(free.fileFindings instanceof PackedFindings));
      assert.ok(budgeted.fileFindings instanceof PackedFindings, 'a budgeted scan packs');
      assert.ok([...free.fileFindings.values()].flat().length >= 3, 'the tree has findings');
      const stable = (scanned: ScanResult) => {
        const report = JSON.parse(jsonReporter(scanned)) as { files: unknown; findings: unknown };
        return JSON.stringify({ files: report.files, findings: report.findings });
      };
      assert.equal(stable(budgeted), stable(free));
    } finally {
      removeTree(root);
    }
  });
});
