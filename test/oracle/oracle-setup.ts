/**
 * Shared setup of the oracle tests: the corpus (real code nobody here wrote),
 * ESLint's Linter configured as the oracle, and a pairing rule that maps
 * sonarjs's report location of a function to ESLint's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceAnalyzer } from '../../src/analysis/analyze-source.js';
import { loadSourceAnalyzer } from '../../src/analysis/analyze-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/config/options.js';
import type { FileFacts } from '../../src/types.js';

/** Repository root (tests run from dist/test/oracle). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(ROOT, 'package.json'));

function walkFiles(dir: string, extensions: readonly string[]): string[] {
  const result: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) result.push(full);
    }
  }
  return result.sort();
}

/** One source file of the corpus. */
export interface CorpusFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly text: string;
}

/**
 * rxjs 7.8.2's TypeScript sources (251 files), its compiled ESM JavaScript
 * (245 files), plus sonde's own hand-written edge-case fixtures (JSX, TSX,
 * decorators, static blocks…), which real code here lacks.
 */
export function corpus(): CorpusFile[] {
  const files = [
    ...walkFiles(path.join(ROOT, 'node_modules/rxjs/src'), ['.ts']),
    ...walkFiles(path.join(ROOT, 'node_modules/rxjs/dist/esm/internal'), ['.js']),
    ...walkFiles(path.join(ROOT, 'fixtures/analysis/oracle'), ['.ts', '.tsx', '.js', '.jsx']),
  ];
  return files.map((full) => ({ path: path.relative(ROOT, full), text: readFileSync(full, 'utf8') }));
}

/** Analyzes the corpus with sonde. */
export async function analyzeCorpus(files: readonly CorpusFile[]): Promise<Map<string, FileFacts>> {
  const analyze: SourceAnalyzer = await loadSourceAnalyzer();
  return new Map(files.map((f) => [f.path, analyze(f.path, f.text, DEFAULT_ANALYSIS_OPTIONS)]));
}

/** The corpus with sonde's facts and the oracle's run for each file. */
export interface OracleCorpus {
  readonly files: readonly CorpusFile[];
  readonly facts: ReadonlyMap<string, FileFacts>;
  readonly runs: ReadonlyMap<string, OracleRun>;
}

let shared: Promise<OracleCorpus> | undefined;

/**
 * The corpus analyzed by sonde once and linted by ESLint once with every
 * oracle rule (complexity, max-params, max-depth, max-lines-per-function,
 * sonarjs cognitive complexity, all at threshold 0); the oracle tests of one file share it.
 */
export function oracleCorpus(): Promise<OracleCorpus> {
  shared ??= (async () => {
    const files = corpus();
    const facts = await analyzeCorpus(files);
    const lint = createOracle({
      complexity: ['error', 0],
      'max-params': ['error', 0],
      'max-depth': ['error', 0],
      'max-lines-per-function': ['error', { max: 0 }],
      'sonarjs/cognitive-complexity': ['error', 0],
    });
    return { files, facts, runs: new Map(files.map((file) => [file.path, lint(file)])) };
  })();
  return shared;
}

/** A lint message, as ESLint's Linter returns it. */
export interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly fatal?: boolean;
}

/** `line:column` (1-based), the key functions are compared by. */
export type LocationKey = string;

/** A function or static block in ESLint's AST: its report key and its source range. */
export interface Container {
  readonly key: LocationKey;
  readonly start: number;
  readonly end: number;
}

/** What the oracle says about one file. */
export interface OracleRun {
  readonly messages: LintMessage[];
  /** sonarjs's report location of each function → ESLint's. */
  readonly sonarToEslint: Map<LocationKey, LocationKey>;
  /** Every function and static block, as ESLint's parser saw them. */
  readonly containers: Container[];
}

/** Offset of a 1-based line/column, with ESLint's line breaks. */
export function offsetOf(text: string, line: number, column: number): number {
  let lineStart = 0;
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  for (let current = 1; current < line; current++) {
    const match = breaks.exec(text);
    if (match === null) break;
    lineStart = match.index + match[0].length;
  }
  return lineStart + column - 1;
}

interface EslintLinter {
  verify(code: string, config: unknown[], options: { filename: string }): LintMessage[];
}

/**
 * Runs ESLint 10 with @typescript-eslint/parser and the given rules on one
 * file. Inline `eslint-disable` comments are ignored: real code has them.
 * Also returns, for every function node, sonarjs's report location → ESLint's.
 */
export function createOracle(rules: Record<string, unknown>): (file: CorpusFile) => OracleRun {
  const { Linter } = require('eslint') as { Linter: new (options: object) => EslintLinter };
  const parser = require('@typescript-eslint/parser') as object;
  const sonarjs = require('eslint-plugin-sonarjs') as object;
  const eslintDir = path.resolve(path.dirname(require.resolve('eslint')), '..');
  const astUtils = require(path.join(eslintDir, 'lib/rules/utils/ast-utils.js')) as {
    getFunctionHeadLoc(node: unknown, sourceCode: unknown): { start: { line: number; column: number } };
  };
  const sonarDir = path.dirname(require.resolve('eslint-plugin-sonarjs/package.json'));
  const sonarLocation = require(path.join(sonarDir, 'cjs/helpers/location.js')) as {
    getMainFunctionTokenLocation(node: unknown, parent: unknown, context: unknown): { start: { line: number; column: number } } | undefined;
  };
  const sonarToEslint = new Map<LocationKey, LocationKey>();
  const containers: Container[] = [];
  // The two oracles report a function at different tokens; this rule asks both
  // libraries' own location helpers where each function node is reported.
  const pairRule = {
    create(context: { sourceCode: unknown }) {
      return {
        ':function'(node: { parent: unknown; range: [number, number] }) {
          const head = astUtils.getFunctionHeadLoc(node, context.sourceCode).start;
          containers.push({ key: `${head.line}:${head.column + 1}`, start: node.range[0], end: node.range[1] });
          const sonar = sonarLocation.getMainFunctionTokenLocation(node, node.parent, context)?.start;
          if (sonar !== undefined) {
            sonarToEslint.set(`${sonar.line}:${sonar.column + 1}`, `${head.line}:${head.column + 1}`);
          }
        },
        StaticBlock(node: { range: [number, number] }) {
          // ESLint reports a static block at its first token, `static`.
          const start = (context.sourceCode as { getLocFromIndex(i: number): { line: number; column: number } }).getLocFromIndex(node.range[0]);
          containers.push({ key: `${start.line}:${start.column + 1}`, start: node.range[0], end: node.range[1] });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      files: ['**/*.*'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      plugins: { sonarjs, oracle: { rules: { pair: pairRule } } },
      rules: { ...rules, 'oracle/pair': 'error' },
    },
  ];
  return (file) => {
    sonarToEslint.clear();
    containers.length = 0;
    // A neutral name: ESLint ignores node_modules/**; only the extension matters.
    const messages = linter.verify(file.text, config, { filename: `input${path.extname(file.path)}` });
    const fatal = messages.find((m) => m.fatal === true);
    if (fatal !== undefined) throw new Error(`oracle could not parse ${file.path}: ${fatal.message}`);
    return {
      messages: messages.filter((m) => m.ruleId !== 'oracle/pair'),
      sonarToEslint: new Map(sonarToEslint),
      containers: [...containers],
    };
  };
}

/** Tally of one oracle comparison, printed by every oracle test. */
export interface Agreement {
  files: number;
  compared: number;
  matches: number;
  readonly mismatches: string[];
}

export function newAgreement(): Agreement {
  return { files: 0, compared: 0, matches: 0, mismatches: [] };
}

export function printAgreement(oracle: string, unit: string, a: Agreement): void {
  const rate = a.compared === 0 ? 0 : (100 * a.matches) / a.compared;
  console.log(`[oracle] ${oracle}: ${a.files} files, ${a.compared} ${unit} compared, ${a.matches} match (${rate.toFixed(2)}%)`);
  for (const m of a.mismatches.slice(0, 20)) console.log(`[oracle]   mismatch: ${m}`);
}
