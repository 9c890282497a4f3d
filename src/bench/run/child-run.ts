/**
 * One benchmark sample: a scan in a fresh child process, so each sample has
 * its own kernel RSS high-water mark and no JIT or in-memory cache warmth
 * leaks from one run into the next.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonReport } from '../../reporters/json-report.js';
import type { BenchSample } from '../types.js';

/** dist/src/bench/run/child-run.js → <repo>/bin/sonde.js */
const DEFAULT_SONDE_BIN = fileURLToPath(new URL('../../../../bin/sonde.js', import.meta.url));

/** What one child scan measured, before it gets a run number. */
export type RunMeasurement = Omit<BenchSample, 'run'> & {
  /** RSS timeline from the child's profile, when it has one. */
  readonly timeline: readonly { readonly t: number; readonly rss: number }[];
};

interface ChildRunOptions {
  /** The sonde entry script (bin/sonde.js). */
  readonly bin?: string;
  readonly target: string;
  /** Extra scan flags, from `scanArgs`. */
  readonly args: readonly string[];
  /** The child's private cache folder (its XDG_CACHE_HOME): the only sonde state outside the cache file it may see. */
  readonly stateHome: string;
  readonly signal?: AbortSignal;
  /** Clock in ms; injectable for tests. */
  readonly now?: () => number;
}

/** The parts of `sonde scan --format json` a sample reads; Partial, since a child of another version may lack some. */
interface ScanJson {
  readonly summary?: Partial<JsonReport['summary']>;
  readonly profile?: Partial<JsonReport['profile']>;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Extracts the sample fields from a `sonde scan --format json` document. */
function parseScanJson(text: string, wallMs: number): RunMeasurement {
  let doc: ScanJson;
  try {
    doc = JSON.parse(text) as ScanJson;
  } catch {
    const head = text.slice(0, 200).replace(/\s+/g, ' ');
    throw new Error(`the scan did not print a JSON report (got: ${head || 'nothing'})`);
  }
  const s = doc.summary ?? {};
  const p = doc.profile ?? {};
  const timeline = (p.samples ?? [])
    .filter((x) => typeof x.t === 'number' && typeof x.rss === 'number')
    .map((x) => ({ t: num(x.t), rss: num(x.rss) }));
  return {
    wallMs,
    scanMs: num(s.durationMs),
    peakRssBytes: num(s.peakRssBytes) || num(p.peakRssBytes),
    cpuUserMs: num(p.cpuUserMs),
    cpuSystemMs: num(p.cpuSystemMs),
    processCpuMs: num(p.processCpuMs),
    cacheHits: num(s.cache?.hits),
    cacheMisses: num(s.cache?.misses),
    codeCacheLoaded: num(p.codeCache?.loaded),
    codeCacheCompiled: num(p.codeCache?.compiled),
    files: num(s.files),
    lines: num(s.lines),
    timeline,
  };
}

/**
 * The child's environment: the user's, minus what would point it at the
 * user's sonde state (a cache location), with its own private cache folder.
 */
function childEnv(stateHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1', FORCE_COLOR: '0', XDG_CACHE_HOME: stateHome };
  delete env.SONDE_CACHE_LOCATION;
  return env;
}

/** The informative lines of a child's stderr: messages, not stack frames. */
function errorGist(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^\^+$/.test(l));
  return lines.slice(0, 3).join(' | ').slice(0, 500);
}

/**
 * Runs `node bin/sonde.js scan <target> --format json --no-ui …` and measures
 * its wall time from spawn to exit. Exit 1 (findings) is a normal outcome;
 * anything else, or output that is not a report, rejects with the child's stderr.
 */
export function runChildScan(options: ChildRunOptions): Promise<RunMeasurement> {
  const now = options.now ?? (() => performance.now());
  const bin = options.bin ?? DEFAULT_SONDE_BIN;
  const argv = [bin, 'scan', options.target, '--format', 'json', '--no-ui', ...options.args];
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(options.stateHome),
      signal: options.signal,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, sig) => {
      const wallMs = now() - start;
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (code !== 0 && code !== 1) {
        const why = sig ? `was killed by ${sig}` : `exited with code ${code}`;
        reject(new Error(`the scan ${why}${stderr ? `: ${errorGist(stderr)}` : ''}`));
        return;
      }
      try {
        resolve(parseScanJson(Buffer.concat(out).toString('utf8'), wallMs));
      } catch (error) {
        reject(new Error(`${(error as Error).message}${stderr ? ` (stderr: ${stderr.slice(0, 300)})` : ''}`));
      }
    });
  });
}
