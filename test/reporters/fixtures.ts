/**
 * Hand-built ScanResults for reporter tests: reporters are pure, so a result
 * object is all they need.
 */
import type {
  FileFacts,
  FileResult,
  Finding,
  FunctionFacts,
  ScanResult,
} from '../../src/types.js';

/** A function with defaults that fire no rule; override what the test is about. */
export function fn(name: string, line: number, overrides: Partial<FunctionFacts> = {}): FunctionFacts {
  const endLine = overrides.endLine ?? line + 4;
  return {
    name,
    line,
    column: 1,
    endLine,
    params: 1,
    cyclomatic: 1,
    cognitive: 0,
    maxDepth: 0,
    length: endLine - line + 1,
    ...overrides,
  };
}

export function facts(overrides: Partial<FileFacts> = {}): FileFacts {
  return {
    lines: 20,
    code: 15,
    comment: 3,
    blank: 2,
    functions: [],
    imports: [],
    exports: [],
    observations: [],
    ...overrides,
  };
}

export function file(path: string, fileFacts: FileFacts | null, overrides: Partial<FileResult> = {}): FileResult {
  return { path, size: 100, hash: `hash-${path}`, facts: fileFacts, error: null, cached: false, ...overrides };
}

/**
 * A small scan: three analyzed files (listed out of order, as a parallel scan
 * may finish them), one binary file, one skipped file, per-file findings and
 * one cross-file cycle.
 */
export function makeResult(overrides: Partial<ScanResult> = {}): ScanResult {
  const files: FileResult[] = [
    file(
      'src/z.ts',
      facts({
        lines: 40,
        functions: [fn('render', 3, { cyclomatic: 12, cognitive: 18, params: 2 }), fn('helper', 30)],
        imports: [
          { specifier: './a', kind: 'import', typeOnly: false, names: ['a'], line: 1 },
          { specifier: 'node:fs', kind: 'import', typeOnly: false, names: ['readFileSync'], line: 2 },
          { specifier: './a', kind: 'import', typeOnly: true, names: ['A'], line: 2 },
        ],
        exports: [{ name: 'render', line: 3, typeOnly: false }],
      }),
      { cached: true },
    ),
    file(
      'src/a.ts',
      facts({
        lines: 12,
        functions: [fn('a', 2, { cyclomatic: 3, cognitive: 2 }), fn('<anonymous>', 8, { cyclomatic: 3, cognitive: 4 })],
        imports: [{ specifier: './z', kind: 'import', typeOnly: false, names: ['render'], line: 1 }],
        exports: [
          { name: 'a', line: 2, typeOnly: false },
          { name: 'A', line: 6, typeOnly: true },
        ],
      }),
    ),
    file('src/B.ts', facts({ lines: 5, code: 5, comment: 0, blank: 0 })),
    file('assets/logo.ts', null, { error: { message: 'Binary file (contains NUL bytes).', code: 'binary' } }),
  ];
  const fileFindings = new Map<string, Finding[]>([
    [
      'src/z.ts',
      [
        { rule: 'todo-comment', severity: 'info', line: 20, column: 5, message: 'Unresolved TODO comment.' },
        {
          rule: 'complexity',
          severity: 'warning',
          line: 3,
          column: 1,
          message: "Function 'render' has a cyclomatic complexity of 12 (max 10).",
        },
        {
          rule: 'cognitive-complexity',
          severity: 'warning',
          line: 3,
          column: 1,
          message: "Function 'render' has a cognitive complexity of 18 (max 15).",
        },
      ],
    ],
    ['src/a.ts', [{ rule: 'empty-catch', severity: 'error', line: 9, column: 3, message: 'Empty catch block: the error is silently swallowed.' }]],
  ]);
  return {
    root: '/tmp/project',
    toolVersion: '0.1.0',
    strategy: 'sequential',
    workers: 0,
    files,
    fileFindings,
    crossFile: {
      graph: {
        nodes: ['src/z.ts', 'src/a.ts', 'src/B.ts'],
        edges: [
          { from: 'src/z.ts', to: 'src/a.ts', specifier: './a', typeOnly: false },
          { from: 'src/a.ts', to: 'src/z.ts', specifier: './z', typeOnly: false },
        ],
        external: [{ from: 'src/z.ts', specifier: 'node:fs' }],
        unresolved: [],
      },
      findings: [
        { rule: 'import-cycle', severity: 'warning', path: 'src/z.ts', line: 1, column: 1, message: 'Import cycle: src/z.ts -> src/a.ts -> src/z.ts' },
        { rule: 'import-cycle', severity: 'warning', path: 'src/a.ts', line: 1, column: 1, message: 'Import cycle: src/a.ts -> src/z.ts -> src/a.ts' },
      ],
    },
    skipped: [{ path: 'dist/huge.js', reason: 'larger than 2 MiB', size: 3_000_000 }],
    cache: { enabled: false, hits: 0, misses: 0 },
    durationMs: 123.4,
    profile: { phases: [], samples: [], workers: [], peakRssBytes: 50_000_000, cpuUserMs: 10, cpuSystemMs: 2 },
    warnings: [],
    ...overrides,
  };
}

/** The same scan as another strategy would report it: other order, cache flags, timings, workers. */
export function asParallelWarmScan(result: ScanResult): ScanResult {
  return {
    ...result,
    strategy: 'parallel',
    workers: 4,
    files: [...result.files].reverse().map((entry) => ({ ...entry, cached: !entry.cached })),
    fileFindings: new Map([...result.fileFindings].reverse().map(([path, list]) => [path, [...list].reverse()])),
    crossFile: {
      graph: {
        ...result.crossFile.graph,
        nodes: [...result.crossFile.graph.nodes].reverse(),
        edges: [...result.crossFile.graph.edges].reverse(),
      },
      findings: [...result.crossFile.findings].reverse(),
    },
    cache: { enabled: true, hits: 3, misses: 1 },
    durationMs: 45.6,
    profile: { ...result.profile, peakRssBytes: 90_000_000, workers: [{ id: 1, tasks: 2, files: 4, busyMs: 30, utilization: 0.6, heapUsedBytes: 1 }] },
  };
}
