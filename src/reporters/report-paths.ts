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

/**
 * `pathFrom` for many paths of one report: path.relative resolves both sides
 * on every call (~6 µs), so each folder is resolved once and its files
 * appended. A file name never holds a separator, so appending is exact.
 */
export function pathsFrom(root: string, from: string | undefined): (reportPath: string) => string {
  if (from === undefined) return (reportPath) => reportPath;
  const folders = new Map<string, string>();
  return (reportPath) => {
    const slash = reportPath.lastIndexOf('/');
    const folder = slash < 0 ? '' : reportPath.slice(0, slash);
    let shown = folders.get(folder);
    if (shown === undefined) {
      shown = pathFrom(root, folder === '' ? '.' : folder, from);
      folders.set(folder, shown);
    }
    const name = reportPath.slice(slash + 1);
    if (name === '' || name === '.' || name === '..') return pathFrom(root, reportPath, from);
    return shown === '.' ? name : `${shown}/${name}`;
  };
}

