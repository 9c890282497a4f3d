import path from 'node:path';

/**
 * A report path (relative to the scan root, `/`-separated) as seen from the
 * directory `from`, still `/`-separated; unchanged when `from` is undefined.
 * `sonde scan src` run from the repository root turns `engine/scan.ts` into
 * `src/engine/scan.ts`, which a terminal or an editor can open.
 */
export function pathFrom(root: string, reportPath: string, from: string | undefined): string {
  if (from === undefined) return reportPath;
  const relative = path.relative(from, path.join(root, reportPath));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

