#!/usr/bin/env node
// Draws a reproducible random sample of criteria of the current referential for a consultant's review:
// node scripts/review-sample.mjs <seed> [size]. Same seed, same content: same sample (mulberry32 over sorted codes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const seed = Number(process.argv[2] ?? Date.now() % 2 ** 32);
const size = Number(process.argv[3] ?? 20);
const codes = readdirSync('content/criteria', { recursive: true, encoding: 'utf8' })
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => parse(readFileSync(join('content/criteria', n), 'utf8')).code)
  .sort();
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
// Fisher–Yates on a copy, then the first `size`.
const pool = [...codes];
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
console.log(`graine ${seed}, ${size} critères sur ${codes.length} :`);
console.log(pool.slice(0, size).sort().join(' '));
