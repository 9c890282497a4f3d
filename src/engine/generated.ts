/**
 * Generated and minified files: skipped by default (`--no-skip-generated`
 * scans them), each with its reason in the report's `skipped`. Decided from
 * the name and the bytes already read, never from a parse, so a cache hit and
 * a miss skip the same files.
 *
 * The rules, in order:
 * 1. the name ends in `.min.js`, `.min.mjs` or `.min.cjs`;
 * 2. `@generated` appears in the first 5 lines (the marker Facebook's and
 *    Google's code generators write in their header comment);
 * 3. the file is over 10 KiB and its lines average more than 500 bytes.
 *    Measured on this repository's node_modules: hand-written sources over
 *    10 KiB average 19–218 bytes a line (the most: esutils' tables), while
 *    minified bundles average 449 (rxjs.umd.min.js, caught by its name) to
 *    506,420; unnamed bundles such as refa/index.js (506,420) or
 *    get-tsconfig's dist (3,104) are caught by this rule.
 */

const MINIFIED_NAME = /\.min\.[cm]?js$/;
const HEADER_LINES = 5;
const LONG_LINES_MIN_BYTES = 10 * 1024;
const LONG_LINES_MAX_AVERAGE = 500;
const NEWLINE = 0x0a;

/** Why `path` with content `bytes` is generated or minified, or undefined when it is a source to scan. */
export function generatedReason(path: string, bytes: Buffer): string | undefined {
  if (MINIFIED_NAME.test(path)) return 'minified (named *.min.js): not scanned; --no-skip-generated scans it';
  if (hasGeneratedHeader(bytes)) return 'generated (@generated in its first 5 lines): not scanned; --no-skip-generated scans it';
  if (bytes.length > LONG_LINES_MIN_BYTES) {
    const average = bytes.length / (countNewlines(bytes) + 1);
    if (average > LONG_LINES_MAX_AVERAGE) {
      return `minified (lines average ${Math.round(average)} bytes, over ${LONG_LINES_MAX_AVERAGE}): not scanned; --no-skip-generated scans it`;
    }
  }
  return undefined;
}

function hasGeneratedHeader(bytes: Buffer): boolean {
  let end = -1;
  for (let line = 0; line < HEADER_LINES; line += 1) {
    const next = bytes.indexOf(NEWLINE, end + 1);
    if (next === -1) {
      end = bytes.length;
      break;
    }
    end = next;
  }
  // latin1 keeps byte offsets; the marker is ASCII.
  return bytes.toString('latin1', 0, Math.min(end, bytes.length)).includes('@generated');
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}
