/**
 * The `npm test` reporter: Node's own (spec on a terminal, TAP otherwise, as
 * `node --test` picks), plus the list of skipped tests and why, printed just
 * before the runner's summary, so the summary still closes the output
 * (CI reads the closing lines).
 *
 * SONDE_TEST_SLOWEST=N also lists the N test files that took longest (each
 * file's whole run, its process included). Each file's time is kept in
 * dist/test-durations.json, so that the next run
 * starts the slowest files first (run-tests.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spec as SpecReporter, tap } from 'node:test/reporters';
import { REPO_ROOT } from './temp-tree.js';

interface TestEvent {
  readonly type: string;
  readonly data: {
    readonly name?: string;
    readonly nesting?: number;
    readonly skip?: string | boolean;
    readonly file?: string;
    readonly message?: string;
    readonly details?: { readonly duration_ms?: number };
  };
}

export const DURATIONS_FILE = path.join(REPO_ROOT, 'dist', 'test-durations.json');

/** File (relative to the repository root) → milliseconds it took last time; empty when unknown. */
export function lastDurations(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function saveDurations(fileMs: ReadonlyMap<string, number>): void {
  try {
    writeFileSync(DURATIONS_FILE, JSON.stringify({ ...lastDurations(), ...Object.fromEntries(fileMs) }, null, 1));
  } catch {
    // Only an ordering hint.
  }
}

const shortFile = (file: string | undefined) => (file ? path.relative(REPO_ROOT, file) : '?');

function diagnostic(message: string): TestEvent {
  return { type: 'test:diagnostic', data: { nesting: 0, message } };
}

async function* withClosingNotes(source: AsyncIterable<TestEvent>): AsyncGenerator<TestEvent> {
  const skipped: string[] = [];
  const fileMs = new Map<string, number>();
  // Node reports each file's whole run (its process start, imports and describe bodies included) as a
  // `test:complete` named after the file; the top-level tests' sum leaves those out, so it is the fallback.
  const topLevelMs = new Map<string, number>();
  let summarized = false;
  for await (const event of source) {
    const { data } = event;
    if ((event.type === 'test:pass' || event.type === 'test:fail') && data.nesting === 0) {
      const file = shortFile(data.file);
      topLevelMs.set(file, (topLevelMs.get(file) ?? 0) + (data.details?.duration_ms ?? 0));
    }
    if (event.type === 'test:complete' && data.nesting === 0 && data.file !== undefined && data.name === data.file) {
      fileMs.set(shortFile(data.file), data.details?.duration_ms ?? 0);
    }
    if (event.type === 'test:pass' && data.skip !== undefined && data.skip !== false) {
      const reason = typeof data.skip === 'string' ? data.skip : 'skipped';
      skipped.push(`  ${shortFile(data.file)}: ${data.name ?? "?"} — ${reason}`);
    }
    if (!summarized && event.type === 'test:diagnostic' && data.nesting === 0 && /^tests \d+$/.test(data.message ?? '')) {
      summarized = true;
      for (const [file, ms] of topLevelMs) if (!fileMs.has(file)) fileMs.set(file, ms);
      saveDurations(fileMs);
      const slowest = Number(process.env.SONDE_TEST_SLOWEST ?? 0);
      if (slowest > 0) {
        yield diagnostic(`slowest test files:`);
        const top = [...fileMs].sort((a, b) => b[1] - a[1]).slice(0, slowest);
        for (const [file, ms] of top) yield diagnostic(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
      }
      yield diagnostic(skipped.length === 0 ? 'skipped tests: none' : `skipped tests (${skipped.length}):`);
      for (const line of skipped) yield diagnostic(line);
    }
    yield event;
  }
}

export default async function* reporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const events = withClosingNotes(source);
  if (process.stdout.isTTY) {
    for await (const chunk of Readable.from(events).pipe(new SpecReporter())) yield String(chunk);
  } else {
    yield* tap(events as AsyncGenerator<never>);
  }
}
