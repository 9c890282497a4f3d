/**
 * ts-morph, loaded once per thread: always by `require` (see
 * typescript-api.cts for why never by `import`), and with a code-cache
 * folder, compiled through the V8 code cache kept there (code-cache.ts).
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import { CodeCacheStore, codeCacheSupported } from './code-cache-store.js';
import { type CodeCacheLoads, type PendingCodeCache, requireWithCodeCache } from './code-cache.js';

type TsMorphModule = typeof TsMorph;

let tsMorph: TsMorphModule | undefined;
let pendingCodeCache: PendingCodeCache | undefined;
let codeCacheLoads: CodeCacheLoads = { loaded: 0, compiled: 0 };

/**
 * The ts-morph module. The first call in a thread loads it (synchronously,
 * ~0.15–0.35 s); with `codeCacheDir`, through the code cache there. A failure
 * of the code cache falls back to a plain require.
 */
export function loadTsMorph(codeCacheDir?: string): TsMorphModule {
  if (tsMorph) return tsMorph;
  if (codeCacheDir !== undefined && codeCacheSupported()) {
    try {
      const loaded = requireWithCodeCache('ts-morph', import.meta.url, new CodeCacheStore(codeCacheDir));
      pendingCodeCache = loaded.pending;
      codeCacheLoads = loaded.loads;
      return (tsMorph = loaded.exports as TsMorphModule);
    } catch {
      // A genuine load error is thrown again by the plain require below.
    }
  }
  return (tsMorph = createRequire(import.meta.url)('ts-morph') as TsMorphModule);
}

/**
 * Writes the blobs the load could not use. Call after real analysis: V8
 * includes only functions compiled by then, and most of the parser is
 * compiled lazily on first use. Returns how many were written; never throws.
 */
export function saveTsMorphCodeCache(): number {
  const pending = pendingCodeCache;
  pendingCodeCache = undefined;
  return pending?.save() ?? 0;
}

/**
 * How this thread's parser load used the code cache: blobs loaded vs large
 * files compiled from source; both 0 when it went without a code cache (or
 * is not loaded). Reported in the profile, so `sonde bench` can show which
 * strategy started with which state.
 */
export function tsMorphCodeCacheLoads(): { readonly loaded: number; readonly compiled: number } {
  return { ...codeCacheLoads };
}
