const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, kib: 1024,
  m: 1e6, mb: 1e6, mib: 1024 ** 2,
  g: 1e9, gb: 1e9, gib: 1024 ** 3,
};

/**
 * Parses `2000000`, `2MB`, `512KiB`, `1.5 GB` into bytes (kB/MB/GB are powers
 * of 1000, KiB/MiB/GiB powers of 1024); undefined when malformed. Every size a
 * user types (--max-file-size, maxFileSize, cache prune --max-size) goes through here.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.round(Number(match[1]) * unit);
}

