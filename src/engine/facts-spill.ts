/**
 * Packed facts kept on disk instead of in the heap: a large scan's facts are
 * appended to one anonymous file and read back (one `pread`, one parse) each
 * time a pass asks for a file's facts. On 100,000 files they are ~180 MB that
 * would otherwise live in the heap, and that V8 would multiply by its growing
 * factor; in the page cache they cost no resident memory of the process.
 *
 * The file is created in the user's private cache folder (the one place
 * outside the scanned root sonde writes to, docs/security.md), exclusively,
 * mode 0600, and unlinked at once: nothing is left behind, even after a
 * SIGKILL. Its descriptor closes when the last result that reads it is
 * garbage (FinalizationRegistry), or at exit.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensurePrivateDir, userCacheDir, type CacheEnv } from '../cache/private-dir.js';
import type { FileFacts } from '../types.js';

/** Where a file's facts sit in the spill. */
export interface SpillSlot {
  readonly offset: number;
  readonly length: number;
}

/** Writes are gathered up to this many bytes before going to the file. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

const closeLater = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to do.
  }
});

export class FactsSpill {
  readonly #fd: number;
  #size = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #scratch = Buffer.allocUnsafe(64 * 1024);
  #lastSlot: SpillSlot | undefined;
  #lastFacts: FileFacts | undefined;

  private constructor(fd: number) {
    this.#fd = fd;
    closeLater.register(this, fd);
  }

  /** A spill in the private cache folder; undefined (facts stay in memory) when that folder is not usable. */
  static open(env: CacheEnv = process.env): FactsSpill | undefined {
    const dir = userCacheDir(env);
    if (ensurePrivateDir(dir) !== undefined) return undefined;
    const file = path.join(dir, `facts-spill-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fd: number;
    try {
      fd = openSync(file, 'wx+', 0o600);
    } catch {
      return undefined;
    }
    try {
      unlinkSync(file);
    } catch {
      // Some systems cannot unlink an open file: it is removed by the OS's temp cleaning, or the next open of this name fails harmlessly.
    }
    return new FactsSpill(fd);
  }

  /** Appends one file's facts; the slot reads them back. */
  put(facts: FileFacts): SpillSlot {
    const bytes = Buffer.from(JSON.stringify(facts), 'utf8');
    const slot = { offset: this.#size + this.#pendingBytes, length: bytes.length };
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    if (this.#pendingBytes >= WRITE_BUFFER_BYTES) this.flush();
    return slot;
  }

  /** Writes what is gathered. */
  flush(): void {
    if (this.#pendingBytes === 0) return;
    const all = Buffer.concat(this.#pending, this.#pendingBytes);
    let written = 0;
    while (written < all.length) written += writeSync(this.#fd, all, written, all.length - written, this.#size + written);
    this.#size += all.length;
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  get(slot: SpillSlot): FileFacts {
    // The passes ask for one file's facts several times in a row (the graph: its imports, then its
    // exports): on a warm 20,000-file scan, 40,000 of 200,000 reads. The last one is kept (facts are
    // never mutated), so those cost no pread and no parse.
    if (slot === this.#lastSlot) return this.#lastFacts!;
    const facts = this.#read(slot);
    this.#lastSlot = slot;
    this.#lastFacts = facts;
    return facts;
  }

  #read(slot: SpillSlot): FileFacts {
    if (slot.offset + slot.length > this.#size) this.flush();
    if (this.#scratch.length < slot.length) this.#scratch = Buffer.allocUnsafe(slot.length * 2);
    let read = 0;
    while (read < slot.length) {
      const count = readSync(this.#fd, this.#scratch, read, slot.length - read, slot.offset + read);
      if (count === 0) throw new Error(`bug: the facts spill ended at ${slot.offset + read}, before ${slot.offset + slot.length}`);
      read += count;
    }
    return JSON.parse(this.#scratch.toString('utf8', 0, slot.length)) as FileFacts;
  }
}
