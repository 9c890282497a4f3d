/**
 * The benchmark's scratch space: cache files and the copy of the tree that
 * `cache:partial` edits. Everything lives under one temp dir, removed at the
 * end; the user's tree is only ever read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../stats/index.js';

/** Directories never copied: VCS data, dependencies, sonde's own state. */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.sonde']);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export interface Workspace {
  readonly dir: string;
  /** A fresh path for a cache file (not created). */
  cachePath(label: string): string;
  /**
   * A fresh, empty private folder (mode 0700) to be a child's XDG_CACHE_HOME:
   * where its parser code cache and cache secret go, instead of the user's.
   */
  stateDir(label: string): string;
  /** Removes paths this workspace handed out (a used cache file with its SQLite side files, a state folder). */
  discard(...paths: readonly (string | null)[]): void;
  /** Copies `root` (minus VCS dirs and node_modules) once per label; returns the copy. */
  copyTree(root: string, label: string): string;
  dispose(): void;
}

export function createWorkspace(prefix = 'sonde-bench-'): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let counter = 0;
  const copies = new Map<string, string>();
  const safe = (label: string): string => label.replace(/[^a-zA-Z0-9_-]+/g, '-');
  return {
    dir,
    cachePath(label) {
      counter += 1;
      return path.join(dir, `cache-${safe(label)}-${counter}.sqlite`);
    },
    stateDir(label) {
      counter += 1;
      const home = path.join(dir, `home-${safe(label)}-${counter}`);
      fs.mkdirSync(home, { mode: 0o700 });
      return home;
    },
    discard(...paths) {
      for (const p of paths) {
        if (p === null || !p.startsWith(dir + path.sep)) continue;
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(p + suffix, { recursive: true, force: true });
      }
    },
    copyTree(root, label) {
      const existing = copies.get(label);
      if (existing) return existing;
      const dest = path.join(dir, `tree-${safe(label)}`);
      fs.cpSync(root, dest, {
        recursive: true,
        dereference: false,
        verbatimSymlinks: true,
        filter: (src) => !SKIP_DIRS.has(path.basename(src)) || src === root,
      });
      copies.set(label, dest);
      return dest;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Relative paths of the source files under `root`, sorted, skipping what copyTree skips. */
export function listSourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) walk(child);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Edits P% of a copied tree's source files before a `cache:partial` run. Each
 * edit appends a comment with a unique token to the file's ORIGINAL content,
 * so the content hash changes (a cache miss) while files don't grow run by run.
 */
export class PartialChanger {
  private readonly files: string[];
  private readonly originals = new Map<string, string>();
  private readonly rng: () => number;
  private round = 0;

  constructor(
    private readonly root: string,
    private readonly percent: number,
    seed: number,
  ) {
    this.files = listSourceFiles(root);
    this.rng = createRng(seed);
  }

  /** How many files each round changes (at least one when there are files). */
  get changesPerRound(): number {
    if (this.files.length === 0) return 0;
    return Math.max(1, Math.round((this.files.length * this.percent) / 100));
  }

  /** Restores last round's files and edits a new random subset; returns the edited paths. */
  next(): string[] {
    this.round += 1;
    for (const [rel, text] of this.originals) fs.writeFileSync(path.join(this.root, rel), text);
    this.originals.clear();
    const chosen = this.pick(this.changesPerRound);
    for (const rel of chosen) {
      const abs = path.join(this.root, rel);
      const text = fs.readFileSync(abs, 'utf8');
      this.originals.set(rel, text);
      const sep = text.endsWith('\n') || text === '' ? '' : '\n';
      fs.writeFileSync(abs, `${text}${sep}// sonde-bench edit ${this.round}\n`);
    }
    return chosen;
  }

  /** Partial Fisher–Yates: k distinct files, reproducible from the seed. */
  private pick(k: number): string[] {
    const pool = [...this.files];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.rng() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, k).sort();
  }
}
