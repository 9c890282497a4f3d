import { readFileSync } from 'node:fs';

/** sonde's version, from the package.json next to the compiled output (dist/src → ../../). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
