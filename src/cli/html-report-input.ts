/**
 * What the HTML report shows that a pure reporter cannot look up: the command
 * line, the date, a machine summary (no host or user names: the page may be
 * shared), and, with --html-include-source, each file's text, read with the
 * same bounded, in-root reader as the repository's other files.
 */
import os from 'node:os';
import path from 'node:path';
import { realpathSync } from 'node:fs';
import type { HtmlReportOptions } from '../reporters/reporter.js';
import type { ScanResult } from '../types.js';
import { readRegularFile } from '../util/read-regular-file.js';

/** An argument as a POSIX shell would need it quoted to give it back; a URL's password (a Redis cache) is hidden. */
function shellQuote(arg: string): string {
  const shown = arg.replace(/(\w+:\/\/)[^/@\s]*@/g, '$1***@');
  return /^[\w@%+=:,./*-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`;
}

/** `Linux 6.8 x64, AMD EPYC 7B13 ×16, 64 GiB, Node v20.20.0`. */
export function machineSummary(): string {
  const cpus = os.cpus();
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${os.type()} ${os.release()} ${os.arch()}, ${cpus[0]?.model.trim() || 'unknown CPU'} ×${os.availableParallelism()}, ${memory} GiB, Node ${process.version}`;
}

/** Source text of every analyzed file; a file that changed into something unreadable since the scan is left out. */
function readSources(result: ScanResult, maxBytes: number): Map<string, string> {
  const sources = new Map<string, string>();
  let root: string;
  try {
    root = realpathSync(result.root);
  } catch {
    return sources;
  }
  for (const file of result.files) {
    if (file.error || !file.facts) continue;
    try {
      sources.set(file.path, readRegularFile(path.join(root, file.path), { maxBytes, within: root }));
    } catch {
      // Vanished, replaced or grown since the scan: the page says the source is missing for it.
    }
  }
  return sources;
}

/** The reporter's `html` options for a scan run as `sonde scan …argv`. */
export function htmlReportInput(argv: readonly string[], result: ScanResult, includeSource: boolean, maxFileSize: number, now = new Date()): HtmlReportOptions {
  return {
    date: now.toISOString(),
    commandLine: ['sonde', 'scan', ...argv].map(shellQuote).join(' '),
    machine: machineSummary(),
    ...(includeSource ? { sources: readSources(result, maxFileSize) } : {}),
  };
}
