/**
 * `--shard i/n`: a CI matrix without a queue. Each of n jobs scans the files
 * whose path hashes into its slice and writes their facts to the shared
 * cache; a last `sonde scan --cache-location redis://…` then finds every
 * file in the cache. The slice depends on the path only (not on the file
 * count or the machine), so every shard agrees on it without talking.
 */
import { hash } from 'node:crypto';
import { UserError } from '../errors.js';

/** A slice: `index` is 1-based, as a matrix numbers its jobs. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `2/8` → { index: 2, count: 8 }; a UserError for anything else. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 1024 || index < 1 || index > count) {
    throw new UserError('INVALID_OPTION', `--shard ${text}: expected i/n with 1 ≤ i ≤ n ≤ 1024, e.g. --shard 2/4`);
  }
  return { index, count };
}

/** Whether the file at `path` (relative, forward slashes) belongs to the slice. */
export function inShard(path: string, shard: Shard): boolean {
  return Number.parseInt(hash('sha1', path).slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** A discovery keeping only the slice's files (skipped files stay listed: they cost nothing). */
export function sliceDiscovery<T extends { readonly files: readonly { readonly path: string }[] }>(discovery: T, shard: Shard): T {
  return { ...discovery, files: discovery.files.filter((file) => inShard(file.path, shard)) };
}
