import path from 'node:path';

/**
 * Whether `inner` is `outer` itself or inside it. Both must be absolute and
 * normalized (path.resolve, realpath): a plain prefix test on `outer` plus a
 * separator, so `/repo` never contains `/repository`, and a folder named
 * `..x` inside `outer` is still inside.
 */
export function isWithin(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}
