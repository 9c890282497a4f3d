/** Glob matching for entry globs and workspace patterns. */
import { createRequire } from 'node:module';

export type Matcher = (path: string) => boolean;

const escapeRegExp = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');

/**
 * A glob matcher: picomatch (fast-glob's own matcher, through micromatch)
 * when it can be loaded, else a small translation of `**`, `*` and `?`.
 */
export function globMatcher(patterns: readonly string[]): Matcher {
  if (patterns.length === 0) return () => false;
  try {
    const require = createRequire(import.meta.url);
    const picomatch = require('picomatch') as (p: readonly string[] | string, o?: object) => Matcher;
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

