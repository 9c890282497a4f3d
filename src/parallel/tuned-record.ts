/**
 * The result of `sonde tune` that `--parallel auto` reuses: the worker count
 * measured best on this machine for trees of this size. One small JSON file
 * per (machine, size class) in `tuned/` inside the user's private cache folder
 * (`$XDG_CACHE_HOME/sonde`), so two tunes of different trees never write the
 * same file and a reader needs no lock.
 *
 * The folder is trusted only while it is private (cache/private-dir.ts), and
 * even then a record is treated as untrusted-ish input: read with a size cap
 * and without following links, checked field by field, and ignored (cost
 * model instead) when anything is off — including a record whose machine or
 * size class is not the one it is filed under.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir, unsafeDirReason, userCacheDir, type CacheEnv } from '../cache/private-dir.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { writeOutput, checkOutputTarget } from '../util/output-target.js';

/** What identifies a machine for tuning: a different CPU, core count or memory size is another machine. */
export interface MachineKey {
  readonly cpuModel: string;
  /** Logical cores (`os.availableParallelism()`). */
  readonly cores: number;
  readonly totalMemoryBytes: number;
}

/**
 * Lower bounds of the size classes, in files to analyze: steps of about ×3
 * (half a decade), so a tree that grows by a few files keeps its record while
 * one that grows ten-fold gets measured again.
 */
const CLASS_BOUNDS = [0, 100, 300, 1000, 3000, 10_000, 30_000, 100_000] as const;

/** A tree-size class: files in [min, max] (max null = no upper bound). */
export interface SizeClass {
  readonly min: number;
  readonly max: number | null;
}

/** The version of the record format; a record of another version is ignored. */
const RECORD_VERSION = 1;
const RECORDS_DIR = 'tuned';
/** A record is a few hundred bytes; anything much larger is not one. */
const MAX_RECORD_BYTES = 16 * 1024;

/** What `sonde tune` decided for one machine and size class. */
export interface TunedRecord {
  readonly version: typeof RECORD_VERSION;
  readonly machine: MachineKey;
  readonly sizeClass: SizeClass;
  /** Files of the tree that was tuned. */
  readonly files: number;
  /** The recommended worker count (0 = in-process). */
  readonly workers: number;
  readonly cache: boolean;
  /** The recommended memory budget, or null when none was measured. */
  readonly maxMemoryBytes: number | null;
  /** ISO-8601 time of the tune. */
  readonly tunedAt: string;
  readonly toolVersion: string;
}

/** This machine, as a tuned record names it. */
export function currentMachine(): MachineKey {
  return {
    cpuModel: os.cpus()[0]?.model.trim() || 'unknown',
    cores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
  };
}

/** The size class of a tree of `files` files. */
export function sizeClassOf(files: number): SizeClass {
  let index = 0;
  while (index + 1 < CLASS_BOUNDS.length && files >= CLASS_BOUNDS[index + 1]!) index++;
  const next = CLASS_BOUNDS[index + 1];
  return { min: CLASS_BOUNDS[index]!, max: next === undefined ? null : next - 1 };
}

/** `1,000–2,999 files`, for messages. */
export function describeSizeClass(size: SizeClass): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return size.max === null ? `${n(size.min)}+ files` : `${n(size.min)}–${n(size.max)} files`;
}

/** The record's file: named by a hash of its key, so a CPU model string never becomes a path. */
export function tunedRecordPath(machine: MachineKey, size: SizeClass, env: CacheEnv = process.env): string {
  const key = JSON.stringify([machine.cpuModel, machine.cores, machine.totalMemoryBytes, size.min]);
  const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
  return path.join(userCacheDir(env), RECORDS_DIR, `${name}.json`);
}

const isCount = (value: unknown, max = Number.MAX_SAFE_INTEGER): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;

/**
 * The record when `raw` is a well-formed one for exactly this machine and
 * size class, else undefined. The worker count may not exceed the cores: a
 * record cannot make a scan start more workers than `sonde tune` measures.
 */
export function validateTunedRecord(raw: unknown, machine: MachineKey, size: SizeClass): TunedRecord | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const m = r.machine as Record<string, unknown> | null | undefined;
  const s = r.sizeClass as Record<string, unknown> | null | undefined;
  if (r.version !== RECORD_VERSION || typeof m !== 'object' || m === null || typeof s !== 'object' || s === null) return undefined;
  if (m.cpuModel !== machine.cpuModel || m.cores !== machine.cores || m.totalMemoryBytes !== machine.totalMemoryBytes) return undefined;
  if (s.min !== size.min || s.max !== size.max) return undefined;
  if (!isCount(r.files) || !isCount(r.workers, Math.max(1, machine.cores)) || typeof r.cache !== 'boolean') return undefined;
  if (r.maxMemoryBytes !== null && !isCount(r.maxMemoryBytes)) return undefined;
  if (typeof r.tunedAt !== 'string' || typeof r.toolVersion !== 'string') return undefined;
  return {
    version: RECORD_VERSION,
    machine: { ...machine },
    sizeClass: { ...size },
    files: r.files,
    workers: r.workers,
    cache: r.cache,
    maxMemoryBytes: r.maxMemoryBytes as number | null,
    tunedAt: r.tunedAt.slice(0, 40),
    toolVersion: r.toolVersion.slice(0, 40),
  };
}

/**
 * The tuned record for this machine and a workload of `files` files, or
 * undefined (no record, a private folder that is not private, a link, a
 * malformed or foreign record). Never throws and never creates anything:
 * a plain scan must not leave folders behind.
 */
export function loadTunedRecord(files: number, machine: MachineKey = currentMachine(), env: CacheEnv = process.env): TunedRecord | undefined {
  const size = sizeClassOf(files);
  const file = tunedRecordPath(machine, size, env);
  if (unsafeDirReason(path.dirname(path.dirname(file))) !== undefined || unsafeDirReason(path.dirname(file)) !== undefined) return undefined;
  try {
    return validateTunedRecord(JSON.parse(readRegularFile(file, { maxBytes: MAX_RECORD_BYTES, noFollow: true })), machine, size);
  } catch {
    return undefined;
  }
}

/**
 * Saves a record (replacing the one for the same machine and size class).
 * Returns the file written, or why nothing was (a folder that is not
 * private): the tune's recommendation stands without it.
 */
export function saveTunedRecord(record: TunedRecord, env: CacheEnv = process.env): { file: string } | { problem: string } {
  const file = tunedRecordPath(record.machine, record.sizeClass, env);
  const problem = ensurePrivateDir(path.dirname(path.dirname(file))) ?? ensurePrivateDir(path.dirname(file));
  if (problem !== undefined) return { problem };
  try {
    // The folder is private, so the only link there could be our own; it is still not written through.
    writeOutput(checkOutputTarget(file, 'the tuned record', { noLinksBelow: path.dirname(file) }), `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  return { file };
}
