/**
 * Reading package.json `exports` as data: which targets a subpath maps to,
 * and every target string for entry-point detection. Conditions are not
 * chosen (a scan has no runtime): every string leaf is a candidate, in
 * declaration order.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `exports` is a subpath map (`{ ".": …, "./sub": … }`) rather than conditions for ".". */
function isSubpathMap(exports: Record<string, unknown>): boolean {
  return Object.keys(exports).some((key) => key.startsWith('.'));
}

/** Every string leaf of a target (condition objects and fallback arrays), in order. */
function stringLeaves(target: unknown, out: string[] = []): string[] {
  if (typeof target === 'string') out.push(target);
  else if (Array.isArray(target)) for (const item of target) stringLeaves(item, out);
  else if (isObject(target)) for (const value of Object.values(target)) stringLeaves(value, out);
  return out;
}

/** The subpath map `{ ".": target, … }` equivalent to any `exports` shape. */
function subpathMap(exports: unknown): Record<string, unknown> {
  if (isObject(exports) && isSubpathMap(exports)) return exports;
  return { '.': exports };
}

/**
 * Target strings for `subpath` ('.' or './x'), with a `*` pattern's match
 * substituted, following Node's rule that the longest matching prefix wins.
 */
export function exportTargets(exports: unknown, subpath: string): string[] {
  const map = subpathMap(exports);
  if (Object.hasOwn(map, subpath) && !subpath.includes('*')) return stringLeaves(map[subpath]);
  let best: { key: string; match: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < key.length - 1 || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || prefix.length > best.key.indexOf('*')) {
      best = { key, match: subpath.slice(prefix.length, subpath.length - suffix.length) };
    }
  }
  if (!best) return [];
  const match = best.match;
  return stringLeaves(map[best.key]).map((t) => t.split('*').join(match));
}

/** Every target string of every subpath, for entry points (patterns keep their `*`). */
export function allExportTargets(exports: unknown): string[] {
  return stringLeaves(subpathMap(exports));
}
