/**
 * Terminal safety for strings that come from the scanned repository (file
 * names, function names, import specifiers, messages built from them). A file
 * name is attacker-controlled: raw, an ESC/OSC sequence can set the window
 * title or rewrite the screen, U+202E can reorder what the reader sees, and a
 * newline can forge a report line. Human output shows such characters as
 * visible escapes instead; JSON, SARIF and NDJSON keep exact strings.
 */

/**
 * C0 controls (newline and tab included), DEL, C1 controls, the bidi
 * embeddings/overrides/isolates and marks, and the Unicode line separators.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, without the g flag for a stateless test
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A repository string made safe to print: control and bidi characters become
 * visible escapes (`\x1b`, `\u202e`, `\n`), so the string stays one line and
 * reads left to right. Everything else, backslashes included, is unchanged.
 */
export function escapeTerminal(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}

