/**
 * Watches the scanned tree and hands over settled batches of changed paths.
 *
 * chokidar 4 rather than Node 20's recursive `fs.watch` (docs/watch.md says
 * why at length): on Linux, Node 20 implements `recursive` in JavaScript with
 * one inotify watch and a synchronous stat per file and folder, walks
 * node_modules and .git with no way to leave them out, and emits a `rename`
 * for every existing file as it starts. chokidar walks asynchronously, takes
 * an `ignored` test (so dependencies, VCS data and sonde's own folder are
 * never watched), picks up new sub-folders, and folds an editor's
 * write-temp-then-rename into one `change`.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** How a path changed; folders are told apart because a folder event always means "discover again". */
export type TreeChange = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/** One settled burst of changes: root-relative, `/`-separated path → its last change. */
export type ChangeBatch = ReadonlyMap<string, TreeChange>;

/** Never watched: the folders discovery never scans (dependencies, VCS data, sonde's own cache). */
const NEVER_WATCHED = new Set(['node_modules', '.git', '.sonde']);

export interface TreeWatcherOptions {
  readonly root: string;
  /** Quiet time after the last event before a batch is handed over. */
  readonly debounceMs: number;
  /** Absolute paths not to watch (the report sonde itself rewrites, when it lies in the tree). */
  readonly ignore?: (absolutePath: string) => boolean;
  readonly onBatch: (batch: ChangeBatch) => void;
  readonly onError: (error: Error) => void;
}

export interface TreeWatcher {
  /** Resolves once the initial walk is done: changes from then on are reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Starts watching `root`; batches come through `onBatch`, never two at once from a single burst. */
export function watchTree(options: TreeWatcherOptions): TreeWatcher {
  const { root } = options;
  let pending = new Map<string, TreeChange>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    options.onBatch(batch);
  };
  const ignored = (absolutePath: string): boolean => {
    const rel = path.relative(root, absolutePath);
    if (rel === '') return false;
    if (rel.split(path.sep).some((part) => NEVER_WATCHED.has(part))) return true;
    return options.ignore?.(absolutePath) ?? false;
  };
  const watcher: FSWatcher = watch(root, { ignoreInitial: true, followSymlinks: false, ignored, persistent: true, atomic: true });
  const record = (change: TreeChange) => (absolutePath: string) => {
    const rel = path.relative(root, absolutePath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../')) return;
    pending.set(rel, change);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };
  for (const change of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(change, record(change));
  watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
