import path from 'node:path';
import type { FileResult, SkippedFile } from '../types.js';
import { formatBinaryBytes } from '../text/units.js';
import type { Discovery } from './discover.js';
import { generatedReason } from './generated.js';
import { readSource } from './read-source.js';
import { compareCodeUnits } from '../util/compare.js';

/** A file after reading: either content to look up and maybe analyze, or a final error. */
export interface ReadFile {
  readonly path: string;
  readonly size: number;
  readonly hash: string;
  /** The raw content, dropped once looked up or decoded (cache hits are never decoded). */
  bytes?: Buffer;
  /** Cache key: the analysis parses by extension, so identical bytes under .ts and .js are different facts. */
  readonly contentKey?: string;
  readonly error?: FileResult['error'];
}

/**
 * Reads and hashes every discovered file; files over the size limit join the
 * skipped list, unread, and (with `skipGenerated`) so do generated and
 * minified files, judged from their bytes before any cache lookup.
 * Only the first `keepBytes` of content are kept for the analysis: past that,
 * a file is read again when its batch is analyzed, so a 100,000-file tree
 * never sits in memory whole (it was 640 MB of bytes, then as much again decoded).
 */
export function readAll(
  discovery: Discovery,
  maxFileSize: number,
  skipGenerated = true,
  keepBytes = Number.POSITIVE_INFINITY,
): { files: ReadFile[]; skipped: SkippedFile[] } {
  const skipped = [...discovery.skipped];
  let kept = 0;
  const files = discovery.files.flatMap((file): ReadFile[] => {
    const read = readSource(file.absolutePath, maxFileSize);
    if (read.kind === 'too-large') {
      skipped.push({
        path: file.path,
        size: read.size,
        reason: `larger than --max-file-size (${formatBinaryBytes(read.size)} > ${formatBinaryBytes(maxFileSize)})`,
      });
      return [];
    }
    if (read.kind === 'error') return [{ path: file.path, size: read.size, hash: read.hash, error: read.error }];
    const generated = skipGenerated ? generatedReason(file.path, read.bytes) : undefined;
    if (generated) {
      skipped.push({ path: file.path, size: read.size, reason: generated });
      return [];
    }
    const extension = path.extname(file.path).slice(1);
    const contentKey = `${extension}:${read.hash}`;
    kept += read.size;
    // Past the window the content is read again for its batch (pipeline.ts).
    if (kept > keepBytes) return [{ path: file.path, size: read.size, hash: read.hash, contentKey }];
    return [{ path: file.path, size: read.size, hash: read.hash, bytes: read.bytes, contentKey }];
  });
  skipped.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, skipped };
}
