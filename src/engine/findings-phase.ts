/**
 * The scan's findings once every file has facts: the cross-file pass (or the
 * memo's result, on a hit or when no file's imports or exports moved), the
 * per-file rules (or the memo's findings of unchanged files), the inline
 * directives over both, and the memo rewritten with the outcome.
 */
import type { ScanOptions } from '../config/options.js';
import type { MemoryGuard } from '../profiler/memory-guard.js';
import { applyFileRules } from '../rules/index.js';
import type { CrossFileResult, FileResult, Finding } from '../types.js';
import { applyInlineDirectives } from './inline-directives.js';
import type { PhaseClock } from './phases.js';
import type { ReadFile } from './read-phase.js';
import { NO_MEMO, type MemoLookup } from './scan-memo.js';

export async function findingsOf(
  files: readonly FileResult[],
  readFiles: readonly ReadFile[],
  memo: MemoLookup,
  options: ScanOptions,
  tools: { readonly clock: PhaseClock; readonly warn: (code: string, message: string) => void; readonly guard: MemoryGuard; readonly pack: boolean },
): Promise<{ readonly fileFindings: ReadonlyMap<string, readonly Finding[]>; readonly crossFile: CrossFileResult }> {
  const { clock, warn, guard } = tools;
  // On a hit the memo's result is final; otherwise its cross-file part still serves when no file's imports or exports moved.
  const crossFileRaw =
    memo.crossFile ??
    memo.reusableCrossFile(files) ??
    (await clock.time('cross-file', async () => {
      const { analyzeCrossFile } = await import('../graph/cross-file.js');
      return analyzeCrossFile(files, {
        root: options.root,
        entries: options.entries,
        ignoreTypeOnlyCycles: options.ignoreTypeOnlyCycles,
        rules: options.rules,
      });
    }));

  // What the cross-file pass could not use (an unreadable tsconfig, an entry matching no file) is the user's to know.
  for (const note of crossFileRaw.notes ?? []) warn('cross-file', note);

  if (memo.fileFindings) return { fileFindings: memo.fileFindings, crossFile: crossFileRaw };
  // A large scan holds its findings packed until the report (rules/packed-findings.ts).
  const fileFindings = tools.pack ? new (await import('../rules/packed-findings.js')).PackedFindings() : new Map<string, readonly Finding[]>();
  const contentKeys = new Map(readFiles.map((file) => [file.path, file.contentKey]));
  for (const file of files) {
    const facts = file.facts;
    if (facts) fileFindings.set(file.path, memo.reusableFindings(file.path, contentKeys.get(file.path)!, facts) ?? applyFileRules(facts, options.rules));
    if (fileFindings.size % 1000 === 0) guard.check();
  }
  const crossFile = applyInlineDirectives(files, fileFindings, crossFileRaw, options.rules);
  const outcome = { files, contentKeys, fileFindings, crossFile, crossFileRaw };
  if (memo !== NO_MEMO) await clock.time('memo-write', () => memo.save(outcome));
  return { fileFindings, crossFile };
}
