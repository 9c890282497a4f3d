import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { useColor } from '../../src/cli/terminal.js';
import type { CliIO } from '../../src/io.js';

function io(env: Record<string, string>, isTTY: boolean): CliIO {
  const stdout = Object.assign(new PassThrough(), { isTTY });
  return { stdout, stderr: new PassThrough(), env, cwd: '/' };
}

describe('useColor (flag, NO_COLOR, FORCE_COLOR as chalk reads it, terminal)', () => {
  const table: [string, Record<string, string>, boolean, boolean | undefined, boolean][] = [
    ['a terminal', {}, true, undefined, true],
    ['a pipe', {}, false, undefined, false],
    ['NO_COLOR in a terminal', { NO_COLOR: '1' }, true, undefined, false],
    ['an empty NO_COLOR is unset (no-color.org)', { NO_COLOR: '' }, true, undefined, true],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, false, undefined, true],
    ['FORCE_COLOR=3 on a pipe', { FORCE_COLOR: '3' }, false, undefined, true],
    ['FORCE_COLOR=true on a pipe', { FORCE_COLOR: 'true' }, false, undefined, true],
    ['an empty FORCE_COLOR forces (chalk)', { FORCE_COLOR: '' }, false, undefined, true],
    ['FORCE_COLOR=0 in a terminal', { FORCE_COLOR: '0' }, true, undefined, false],
    ['FORCE_COLOR=false in a terminal', { FORCE_COLOR: 'false' }, true, undefined, false],
    ['NO_COLOR wins over an inherited FORCE_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, true, undefined, false],
    ['an empty NO_COLOR leaves FORCE_COLOR in charge', { FORCE_COLOR: '1', NO_COLOR: '' }, false, undefined, true],
    ['--color wins over NO_COLOR on a pipe', { NO_COLOR: '1' }, false, true, true],
    ['--color wins over FORCE_COLOR=0', { FORCE_COLOR: '0' }, false, true, true],
    ['--no-color wins over FORCE_COLOR=1 in a terminal', { FORCE_COLOR: '1' }, true, false, false],
  ];
  for (const [name, env, isTTY, flag, expected] of table) {
    it(name, () => assert.equal(useColor(io(env, isTTY), flag), expected));
  }
});
