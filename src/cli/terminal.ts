import type { CliIO } from '../io.js';

/**
 * Whether to colour. The flag (--color / --no-color) wins. Then NO_COLOR
 * (https://no-color.org, any non-empty value): an explicit opt-out beats an
 * inherited FORCE_COLOR, which parents such as test runners and CI images
 * set for every child. Then FORCE_COLOR as chalk reads it (`0` or `false`
 * off; `1`, `2`, `3`, `true` or empty on). Then whether stdout is a terminal.
 */
export function useColor(io: CliIO, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}
