/**
 * Escaping for the HTML report. Every string that reaches the page from the
 * scanned repository (paths, function names, messages, source text) is
 * untrusted: in markup it goes through `escapeHtml`, and the data block
 * through `jsonForScript`, which cannot end its `<script>` element early.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * JSON for a `<script type="application/json">` element: `<` is written
 * `\u003c`, so neither `</script>` nor `<!--` can occur in it (HTML's
 * script-data states react to nothing else), `>` and `&` likewise for
 * parsers that look at them, and U+2028/U+2029 as escapes for any reader
 * that treats the block as JavaScript. `JSON.parse` returns the same value.
 * Lone surrogates are already escaped by JSON.stringify (well-formed since ES2019).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
