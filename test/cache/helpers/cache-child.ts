/**
 * A separate process for the cache tests (concurrency, SIGKILL, permissions,
 * locks), started with one of these modes:
 *   write <file> <from> <count> <rounds>  read-verify-write its range, print JSON
 *   write-forever <file>                  print "ready" after a first batch, then write until killed
 *   open <file>                           open, try one round trip, print JSON {enabled, warnings, found}
 *   lock <file>                           hold an exclusive lock, print "locked", wait
 */
import { isDeepStrictEqual } from 'node:util';
import sqlite3 from 'sqlite3';
import { openFactsCache } from '../../../src/cache/open-cache.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/config/options.js';
import { sampleFacts, sampleKey } from './sample-facts.js';

const [mode, file, ...rest] = process.argv.slice(2);

async function open(warnings: string[]) {
  return openFactsCache({
    location: file,
    analysisOptions: DEFAULT_ANALYSIS_OPTIONS,
    toolVersion: 'test',
    onWarning: (code, message) => warnings.push(`${code}: ${message}`),
    busyTimeoutMs: 1000,
  });
}

async function write(from: number, count: number, rounds: number): Promise<void> {
  const warnings: string[] = [];
  const cache = await open(warnings);
  const indexes = Array.from({ length: count }, (_, k) => from + k);
  let wrong = 0;
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    const got = await cache.getMany(indexes.map(sampleKey));
    for (const i of indexes) {
      const facts = got.get(sampleKey(i));
      if (facts === undefined) continue;
      found += 1;
      if (!isDeepStrictEqual(facts, sampleFacts(i))) wrong += 1;
    }
    await cache.setMany(indexes.map((i) => [sampleKey(i), sampleFacts(i)] as const));
  }
  await cache.close();
  console.log(JSON.stringify({ enabled: cache.enabled, warnings, wrong, found }));
}

async function writeForever(): Promise<void> {
  const cache = await open([]);
  for (let round = 0; ; round++) {
    const base = (round % 50) * 1000;
    await cache.setMany(Array.from({ length: 1000 }, (_, k) => [sampleKey(base + k), sampleFacts(base + k)] as const));
    if (round === 0) console.log('ready');
  }
}

async function openOnce(): Promise<void> {
  const warnings: string[] = [];
  const cache = await open(warnings);
  await cache.setMany([[sampleKey(1), sampleFacts(1)]]);
  const found = (await cache.getMany([sampleKey(1)])).size;
  await cache.close();
  console.log(JSON.stringify({ enabled: cache.enabled, warnings, found }));
}

function lock(): void {
  const db = new sqlite3.Database(file);
  db.serialize(() => {
    db.run('PRAGMA locking_mode = EXCLUSIVE');
    db.run('BEGIN EXCLUSIVE', (error) => {
      if (error) throw error;
      console.log('locked');
    });
  });
  setInterval(() => {}, 1000);
}

if (mode === 'write') await write(Number(rest[0]), Number(rest[1]), Number(rest[2]));
else if (mode === 'write-forever') await writeForever();
else if (mode === 'open') await openOnce();
else if (mode === 'lock') lock();
else throw new Error(`cache-child: unknown mode '${mode}'`);
