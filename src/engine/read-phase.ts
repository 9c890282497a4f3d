import path from 'node:path';
import type { FileResult, SkippedFile } from '../types.js';
import { formatBinaryBytes } from '../text/units.js';
import type { Discovery } from './discover.js';
import { generatedReason } from './generated.js';
import { readSource } from './read-source.js';
import { compareCodeUnits } from '../util/compare.js';
import type { ManifestRecorder, ReadShortcut } from './stat-manifest.js';

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

/** The stat manifest's part in a read: outcomes to reuse, and where to record this scan's. */
export interface ReadManifest {
  readonly shortcut?: ReadShortcut;
  readonly recorder: ManifestRecorder;
}

/**
 * Reads and hashes every discovered file; files over the size limit join the
 * skipped list, unread, and (with `skipGenerated`) so do generated and
 * minified files, judged from their bytes before any cache lookup.
 * Only the first `keepBytes` of content are kept for the analysis: past that,
 * a file is read again when its batch is analyzed, so a 100,000-file tree
 * never sits in memory whole (it was 640 MB of bytes, then as much again decoded).
 * With a stat manifest, a file whose metadata is unchanged is not read at all:
 * its outcome (hash, skip reason) is the one recorded, and its bytes are read
 * only if it must be analyzed.
 */
export function readAll(
  discovery: Discovery,
  maxFileSize: number,
  skipGenerated = true,
  keepBytes = Number.POSITIVE_INFINITY,
  manifest?: ReadManifest,
): { files: ReadFile[]; skipped: SkippedFile[] } {
  const skipped = [...discovery.skipped];
  let kept = 0;
  const files = discovery.files.flatMap((file): ReadFile[] => {
    const known = manifest?.shortcut?.lookup(file.path, file.absolutePath);
    if (known) {
      manifest!.recorder.carry(file.path, known.key, known.record);
      if ('skipped' in known.record) {
        skipped.push({ path: file.path, ...known.record.skipped });
        return [];
      }
      return [{ path: file.path, ...known.record.file }];
    }
    const read = readSource(file.absolutePath, maxFileSize);
    if (read.kind === 'too-large') {
      const entry = { size: read.size, reason: `larger than --max-file-size (${formatBinaryBytes(read.size)} > ${formatBinaryBytes(maxFileSize)})` };
      manifest?.recorder.read(file.path, read.stats, { skipped: entry });
      skipped.push({ path: file.path, ...entry });
      return [];
    }
    if (read.kind === 'error') return [{ path: file.path, size: read.size, hash: read.hash, error: read.error }];
    const generated = skipGenerated ? generatedReason(file.path, read.bytes) : undefined;
    if (generated) {
      manifest?.recorder.read(file.path, read.stats, { skipped: { size: read.size, reason: generated } });
      skipped.push({ path: file.path, size: read.size, reason: generated });
      return [];
    }
    const extension = path.extname(file.path).slice(1);
    const contentKey = `${extension}:${read.hash}`;
    manifest?.recorder.read(file.path, read.stats, { file: { size: read.size, hash: read.hash, contentKey } });
    kept += read.size;
    // Past the window the content is read again for its batch (pipeline.ts).
    if (kept > keepBytes) return [{ path: file.path, size: read.size, hash: read.hash, contentKey }];
    return [{ path: file.path, size: read.size, hash: read.hash, bytes: read.bytes, contentKey }];
  });
  skipped.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, skipped };
}
