/**
 * The TypeScript compiler API (the copy bundled in ts-morph), for the
 * analysis modules. This is the one CommonJS file in sonde, on purpose:
 * importing ts-morph through ESM makes Node detect its module format and
 * run its CommonJS export lexer over ts-morph's 1 MB entry file, ~80–120 ms
 * on every load (main thread and each worker), after `require` already
 * loaded it. Re-exported from here, ts-morph is only ever `require`d.
 * src/analysis/load-ts-morph.ts does the require itself (with the code cache).
 */
export { ts } from 'ts-morph';
