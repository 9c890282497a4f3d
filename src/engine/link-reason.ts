import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../util/path-within.js';

/**
 * Why a symbolic link is skipped, naming its target when that is inside the
 * root. Worked out on every scan, even when the walk is reused from the stat
 * manifest: a link's target can move without the folder holding the link
 * changing.
 */
export function describeLink(root: string, absolutePath: string): string {
  let target: string;
  try {
    target = realpathSync(absolutePath);
  } catch {
    return 'symbolic link that cannot be resolved (broken or a loop): not followed';
  }
  return isWithin(root, target)
    ? `symbolic link to ${path.relative(root, target).split(path.sep).join('/')}: not followed (the target is scanned at its own path)`
    : 'symbolic link pointing outside the root: not followed';
}
