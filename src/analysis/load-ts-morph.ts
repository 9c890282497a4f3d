/**
 * ts-morph, loaded once per thread, always by `require` (see
 * typescript-api.cts for why never by `import`).
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

type TsMorphModule = typeof TsMorph;

let tsMorph: TsMorphModule | undefined;

/** The ts-morph module. The first call in a thread loads it (synchronously, ~0.3 s). */
export function loadTsMorph(): TsMorphModule {
  return (tsMorph ??= createRequire(import.meta.url)('ts-morph') as TsMorphModule);
}
