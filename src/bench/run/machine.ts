/**
 * Where a benchmark ran: hardware, Node, and the sonde commit, so that a
 * baseline compare can tell a regression from a different machine.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../../version.js';
import type { MachineInfo } from '../types.js';

/** The sonde checkout: dist/src/bench → repo root. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '');

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

/** Collects machine facts; `date` and the repo are parameters for tests. */
export function machineInfo(date = new Date(), repoRoot = REPO_ROOT): MachineInfo {
  const cpus = os.cpus();
  const commit = git(['rev-parse', 'HEAD'], repoRoot);
  const status = commit === null ? null : git(['status', '--porcelain', '--untracked-files=no'], repoRoot);
  return {
    cpuModel: cpus[0]?.model.trim() || 'unknown',
    cores: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    platform: os.platform(),
    arch: os.arch(),
    nodeVersion: process.version,
    toolVersion: TOOL_VERSION,
    gitCommit: commit,
    gitDirty: status !== null && status.length > 0,
    date: date.toISOString(),
  };
}
