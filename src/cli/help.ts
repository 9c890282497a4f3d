import { renderFlags } from './flag-table.js';
import { SCAN_FLAGS } from './scan-args.js';

/** `sonde --help`: literal usage, exit codes and examples around the options rendered from the scan flag table. */
export function helpText(version: string): string {
  return `sonde ${version} — scan JavaScript/TypeScript code bases, and benchmark how they are scanned

Usage
  sonde [scan] [path...] [options]   scan folders and files (default: .)
  sonde bench [path] [options]       compare scan strategies on a tree (sonde bench --help)
  sonde bench --suite                the synthetic benchmark suite (small → large)
  sonde generate --size S --seed N --out DIR
                                     write a deterministic synthetic project with its ground truth
  sonde cache stats|clear|prune      inspect and maintain the cache (sonde cache --help)
  sonde tune [path] [--write]        measure the fastest settings here (sonde tune --help)
  sonde worker [redis-url]           analyze the jobs of queue scans (sonde worker --help)

Scan options
${renderFlags(SCAN_FLAGS)}

Exit codes
  0 no finding at the --fail-on severity, and no more warnings than --max-warnings
  1 findings at or above --fail-on, or more warnings than --max-warnings
  2 usage or fatal error, or no file matched   130 interrupted (Ctrl-C)

Examples
  sonde                                   interactive scan of the current directory
  sonde scan src --format json > report.json
  sonde scan . --parallel 4 --cache       workers plus a warm cache on the next run
  sonde scan . --cache --cache-location redis://cache.ci:6379/0
                                          a cache shared by every CI machine
  sonde scan . --format sarif -o sonde.sarif --fail-on warning
  sonde scan src --format github --max-warnings 0
                                          GitHub Actions annotations; any warning fails
  sonde scan . --format compact --quiet   errors only, one grep-able line each
  sonde scan . --rule complexity=error:15 --rule todo-comment=off
  sonde bench . --strategies sequential,parallel:2,cache:warm
  sonde scan . --profile ci               preset flags for CI logs (README, "Tuning")

Environment
  NO_COLOR   no colours      CI   never start the interactive UI
  FORCE_COLOR                0 or false: no colours; 1, 2, 3: colours even in a pipe (NO_COLOR
                             wins over it; --color and --no-color win over both)
  SONDE_CACHE_LOCATION       as --cache-location (the flag wins); a config file inside the scanned
                             folder may only name a cache file inside it
  SONDE_CACHE_SECRET         key that signs cache entries (32+ characters), the same on every
                             machine sharing a Redis cache (default: a random key in
                             $XDG_CACHE_HOME/sonde)
`;
}
