import { REPORT_FORMATS } from '../reporters/reporter.js';

/** `sonde --help`. Every flag here is parsed in scan-args.ts or a command module. */
export function helpText(version: string): string {
  return `sonde ${version} — scan JavaScript/TypeScript code bases, and benchmark how they are scanned

Usage
  sonde [scan] [path] [options]      scan a directory (default: .)
  sonde bench [path] [options]       compare scan strategies on a tree (sonde bench --help)
  sonde bench --suite                the synthetic benchmark suite (small → large)
  sonde generate --size S --seed N --out DIR
                                     write a deterministic synthetic project with its ground truth
  sonde cache stats|clear|prune      inspect and maintain the cache (sonde cache --help)

Scan options
  -p, --parallel N|auto      worker threads; 0 = in-process; auto (default) decides from the workload
      --sequential           same as --parallel 0
      --cache                reuse per-file results between runs (SQLite or Redis, keyed by content hash)
      --no-cache             ignore a "cache": true in the config file
      --cache-location P|URL cache file (default: <path>/.sonde/cache.sqlite), or a Redis shared by
                             a CI fleet: redis://[user:password@]host:port[/db] (rediss:// for TLS);
                             an unreachable server is a warning, and the scan runs without the cache
  -f, --format F             ${REPORT_FORMATS.join(' | ')} (default: pretty)
  -o, --output FILE          write the report to FILE instead of stdout
      --fail-on S            exit 1 when a finding is at least S: error | warning | info | never (default: error)
      --include GLOB         only files matching GLOB (repeatable; default: all .ts .tsx .mts .cts .js .jsx .mjs .cjs)
      --exclude GLOB         skip files matching GLOB (repeatable); .gitignore files are always respected
      --entry GLOB           entry files whose exports count as used (repeatable; package.json entries are automatic)
      --max-file-size SIZE   skip larger files, with a reason in the report (default: 2MiB)
      --rule ID=SETTING      off | error | warning | info | THRESHOLD | SEVERITY:THRESHOLD (repeatable)
  -c, --config FILE          config file (default: <path>/sonde.config.json if present)
      --no-config            ignore sonde.config.json
      --ignore-type-only-cycles
                             leave \`import type\` edges out of import-cycle detection
      --progress MODE        auto | plain | ndjson | none (stderr; default: plain when not interactive)
      --no-ui                plain output even in a terminal
      --sample-interval MS   profiler sampling interval (default: 100; 0 = off)
      --cpu-prof FILE        write a V8 CPU profile of the scan (open in Chrome DevTools or speedscope)
      --top N                hotspots listed in pretty and markdown reports (default: 10)
  -h, --help                 this help
  -v, --version              print the version

Exit codes
  0 no finding at the --fail-on severity   1 findings at or above it
  2 usage or fatal error                   130 interrupted (Ctrl-C)

Examples
  sonde                                   interactive scan of the current directory
  sonde scan src --format json > report.json
  sonde scan . --parallel 4 --cache       workers plus a warm cache on the next run
  sonde scan . --cache --cache-location redis://cache.ci:6379/0
                                          a cache shared by every CI machine
  sonde scan . --format sarif -o sonde.sarif --fail-on warning
  sonde scan . --rule complexity=error:15 --rule todo-comment=off
  sonde bench . --strategies sequential,parallel:2,cache:warm

Environment
  NO_COLOR   no colours      CI   never start the interactive UI
  SONDE_CACHE_LOCATION       as --cache-location (the flag wins); a config file inside the scanned
                             folder may only name a cache file inside it
  SONDE_CACHE_SECRET         key that signs cache entries (32+ characters), the same on every machine
                             sharing a Redis cache (default: a random key in $XDG_CACHE_HOME/sonde)
`;
}
