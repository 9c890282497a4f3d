/**
 * Sorts a settled batch of file-system changes into the work it calls for:
 * re-read a known file, walk the tree again, reload tsconfig/package.json,
 * or re-create the options from the config file.
 */
import path from 'node:path';
import { SOURCE_EXTENSIONS } from '../../config/options.js';
import type { ChangeBatch } from './tree-watcher.js';
import type { BatchWork } from './watch-state.js';

const SOURCE = new Set<string>(SOURCE_EXTENSIONS);
const CONFIG_NAMES = new Set(['sonde.config.json', 'sonde.config.jsonc']);
/** The files the cross-file pass reads as data (graph/project-config.ts). */
const PROJECT_FILE = /^(?:package\.json|pnpm-workspace\.yaml|(?:tsconfig|jsconfig).*\.json)$/;

/** A batch sorted out; `config` asks for the options to be re-created first. */
export interface SortedBatch extends BatchWork {
  readonly config: boolean;
}

export interface BatchContext {
  /** Whether the state holds this root-relative path. */
  readonly knows: (rel: string) => boolean;
  /** `--include` patterns were given: any new file might match them, whatever its extension. */
  readonly anyExtension: boolean;
  /** The config file in use, root-relative, when it lies in the tree. */
  readonly configRel?: string;
}

export function sortBatch(batch: ChangeBatch, context: BatchContext): SortedBatch {
  const reread: string[] = [];
  const project: string[] = [];
  let rediscover = false;
  let config = false;
  for (const [rel, change] of batch) {
    const base = path.posix.basename(rel);
    if (rel === context.configRel || CONFIG_NAMES.has(base)) {
      config = true;
      continue;
    }
    if (base === '.gitignore' || change === 'addDir' || change === 'unlinkDir') {
      rediscover = true;
      continue;
    }
    if (PROJECT_FILE.test(base)) {
      project.push(rel);
      continue;
    }
    if (context.knows(rel)) {
      if (change === 'unlink') rediscover = true;
      else reread.push(rel);
      continue;
    }
    // A new file: only one discovery could take (a source extension, or any with --include) is worth a walk.
    const extension = path.posix.extname(base).slice(1);
    if (context.anyExtension || SOURCE.has(extension)) rediscover = true;
  }
  return { reread, rediscover, project, config };
}
