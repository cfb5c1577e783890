/** Where the harness finds the project and keeps its files. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'snyk-tenant-check.mjs');
export const BENCH_DIR = join(ROOT, 'bench');
/** Gitignored (bench/.gitignore): the on-demand Prism install. */
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const DEFAULT_RESULTS = join(BENCH_DIR, 'results', 'latest.json');
/** The shared research tree sits beside the repository (HELPER-BRIEF). */
export const SHARED = join(ROOT, '..', 'shared');
