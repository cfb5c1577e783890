/**
 * The order of a rule's findings: by fingerprint, so that reports are the same whatever order the pages
 * arrived in. A comparator sort over 57k string pairs was the engine's largest cost (docs/benchmarks.md), so
 * fingerprints that start with 8 lower-case hex digits (the engine's always do) are sorted as numbers: those
 * 8 digits packed with the finding's index into one float64 (32 + 20 bits, exact) and sorted natively, ties
 * in those 8 digits then ordered by the whole fingerprint. The result is exactly the string order.
 */
import type { Finding } from '../model/results.ts';

const INDEX_BITS = 2 ** 20;

/** The first 8 characters as a number when they are lower-case hex digits, else -1. */
function hexPrefix(fp: string | undefined): number {
  if (fp === undefined || fp.length < 8) return -1;
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const c = fp.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

export function byFingerprint(a: Finding, b: Finding): number {
  const x = a.fingerprint ?? '';
  const y = b.fingerprint ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts by fingerprint (code-unit order); returns a new array. */
export function sortByFingerprint(findings: readonly Finding[]): Finding[] {
  const n = findings.length;
  if (n < 2) return [...findings];
  // The packed key holds the index in 20 bits.
  if (n >= INDEX_BITS) return [...findings].sort(byFingerprint);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const prefix = hexPrefix(findings[i]!.fingerprint);
    // Not a fingerprint of ours: the general sort (the first 8 digits decide the order only for hex).
    if (prefix < 0) return [...findings].sort(byFingerprint);
    keys[i] = prefix * INDEX_BITS + i;
  }
  keys.sort();
  const out = new Array<Finding>(n);
  for (let i = 0; i < n; i++) out[i] = findings[keys[i]! % INDEX_BITS]!;
  // Equal 8-digit prefixes (about one pair in 80 000 findings) sit side by side: order each run fully.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && Math.floor(keys[i]! / INDEX_BITS) === Math.floor(keys[start]! / INDEX_BITS)) continue;
    if (i - start > 1) {
      const run = out.slice(start, i).sort(byFingerprint);
      for (let j = 0; j < run.length; j++) out[start + j] = run[j]!;
    }
    start = i;
  }
  return out;
}
