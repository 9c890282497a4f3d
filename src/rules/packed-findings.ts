/**
 * Per-file findings held compactly until the report reads them: each file's
 * list as one JSON string of tuples (rule and severity as indexes into one
 * table of names), decoded afresh on each read. A finding as an object costs
 * ~250 bytes of heap (the object, its message built as a tree of concatenated
 * strings, the file's array); packed it is its JSON text, ~80 bytes. A
 * 100,000-file scan has ~240,000 findings, held from the rules to the end of
 * the report: ~60 MB as objects, ~20 MB packed, which V8's headroom for
 * garbage then multiplies at the report's peak.
 *
 * The large scans that pack their facts (engine/packed-facts.ts) pack their
 * findings too; a small scan keeps a plain Map and pays nothing.
 *
 * A read gives back the same plain objects, same keys in the same order, as
 * were stored; a list it cannot encode exactly (an unknown key, a key out of
 * place) is kept as it came.
 */
import type { Finding } from '../types.js';

/** One finding as stored: [rule, severity, line, column, message] then, when present, [suppressed ? 1 : 0, path]. */
type Tuple = [number, number, number, number, string, (0 | 1)?, string?];

/** The keys a finding may have, in the order the rules (and a suppressed mark, and a path) give them. */
const PLAIN_KEYS = 'rule,severity,line,column,message';

export class PackedFindings implements ReadonlyMap<string, readonly Finding[]> {
  /** Per path: '' for none, JSON text of tuples, or the list itself when it could not be encoded. */
  readonly #held = new Map<string, string | readonly Finding[]>();
  /** Rule ids and severities, by the index a tuple holds. */
  readonly #names: string[] = [];
  readonly #nameIndex = new Map<string, number>();
  /** Paths whose list has a suppressed finding. */
  readonly #withSuppressed = new Set<string>();

  constructor(entries?: Iterable<readonly [string, readonly Finding[]]>) {
    if (entries) for (const [path, findings] of entries) this.set(path, findings);
  }

  get size(): number {
    return this.#held.size;
  }

  /** Whether any held finding is marked suppressed (a human report then has some to leave out). */
  hasSuppressed(): boolean {
    return this.#withSuppressed.size > 0;
  }

  set(path: string, findings: readonly Finding[]): this {
    this.#held.set(path, this.#encode(findings));
    if (findings.some((finding) => finding.suppressed)) this.#withSuppressed.add(path);
    else this.#withSuppressed.delete(path);
    return this;
  }

  get(path: string): readonly Finding[] | undefined {
    const held = this.#held.get(path);
    return held === undefined ? undefined : this.#decode(held);
  }

  has(path: string): boolean {
    return this.#held.has(path);
  }

  *keys(): MapIterator<string> {
    yield* this.#held.keys();
  }

  *values(): MapIterator<readonly Finding[]> {
    for (const held of this.#held.values()) yield this.#decode(held);
  }

  *entries(): MapIterator<[string, readonly Finding[]]> {
    for (const [path, held] of this.#held) yield [path, this.#decode(held)];
  }

  [Symbol.iterator](): MapIterator<[string, readonly Finding[]]> {
    return this.entries();
  }

  forEach(callback: (findings: readonly Finding[], path: string, map: ReadonlyMap<string, readonly Finding[]>) => void, thisArg?: unknown): void {
    for (const [path, findings] of this) callback.call(thisArg, findings, path, this);
  }

  #name(name: string): number {
    let index = this.#nameIndex.get(name);
    if (index === undefined) {
      index = this.#names.length;
      this.#names.push(name);
      this.#nameIndex.set(name, index);
    }
    return index;
  }

  #encode(findings: readonly Finding[]): string | readonly Finding[] {
    if (findings.length === 0) return '';
    const tuples: Tuple[] = [];
    for (const finding of findings) {
      const tuple = this.#tuple(finding);
      if (!tuple) return findings;
      tuples.push(tuple);
    }
    return JSON.stringify(tuples);
  }

  /** The finding as a tuple, or undefined when decoding the tuple would not give back an equal object. */
  #tuple(finding: Finding): Tuple | undefined {
    const { rule, severity, path, line, column, message, suppressed } = finding;
    const keys = Object.keys(finding).join(',');
    const expected = `${path === undefined ? PLAIN_KEYS : PLAIN_KEYS.replace('severity,', 'severity,path,')}${suppressed === undefined ? '' : ',suppressed'}`;
    if (keys !== expected) return undefined;
    if (typeof rule !== 'string' || typeof severity !== 'string' || typeof message !== 'string' || !Number.isInteger(line) || !Number.isInteger(column)) return undefined;
    if (suppressed !== undefined && suppressed !== true) return undefined;
    if (path !== undefined && typeof path !== 'string') return undefined;
    const tuple: Tuple = [this.#name(rule), this.#name(severity), line, column, message];
    if (suppressed || path !== undefined) tuple.push(suppressed ? 1 : 0);
    if (path !== undefined) tuple.push(path);
    return tuple;
  }

  #decode(held: string | readonly Finding[]): readonly Finding[] {
    if (typeof held !== 'string') return held;
    if (held === '') return [];
    const names = this.#names;
    return (JSON.parse(held) as Tuple[]).map((tuple): Finding => {
      const [rule, severity, line, column, message, suppressed, path] = tuple;
      if (tuple.length === 5) return { rule: names[rule]!, severity: names[severity]! as Finding['severity'], line, column, message };
      const base = path === undefined
        ? { rule: names[rule]!, severity: names[severity]! as Finding['severity'], line, column, message }
        : { rule: names[rule]!, severity: names[severity]! as Finding['severity'], path, line, column, message };
      return suppressed === 1 ? { ...base, suppressed: true } : base;
    });
  }
}

/**
 * `source` with each file's list replaced by `change(findings)`, kept packed
 * when `source` is (one file decoded at a time), else a plain Map.
 */
export function mapFileFindings(
  source: ReadonlyMap<string, readonly Finding[]>,
  change: (findings: readonly Finding[], path: string) => readonly Finding[],
): Map<string, readonly Finding[]> | PackedFindings {
  const target = source instanceof PackedFindings ? new PackedFindings() : new Map<string, readonly Finding[]>();
  for (const [path, findings] of source) target.set(path, change(findings, path));
  return target;
}
