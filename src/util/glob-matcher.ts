import { createRequire } from 'node:module';

/** True when a forward-slash path matches. */
export type GlobMatcher = (path: string) => boolean;

const escapeRegExp = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');

/**
 * A glob matcher: picomatch (fast-glob's own matcher, through micromatch)
 * when it can be loaded, else a small translation of `**`, `*` and `?`.
 * Shared by discovery, the graph's entry and workspace globs, and dot/mermaid's --focus.
 */
export function globMatcher(patterns: readonly string[]): GlobMatcher {
  if (patterns.length === 0) return () => false;
  try {
    const require = createRequire(import.meta.url);
    const picomatch = require('picomatch') as (p: readonly string[] | string, o?: object) => GlobMatcher;
    return picomatch([...patterns], { dot: true });
  } catch {
    const res = patterns.map((p) => {
      const body = p
        .split('**/')
        .map((part) => part.split('**').map((q) => q.split('*').map((r) => r.split('?').map(escapeRegExp).join('[^/]')).join('[^/]*')).join('.*'))
        .join('(?:.*/)?');
      return new RegExp(`^${body}$`);
    });
    return (p) => res.some((re) => re.test(p));
  }
}
