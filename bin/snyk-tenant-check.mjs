#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx's loader compiles our sources on the fly, so a clone works
// after `npm ci` without a build step (ARCHITECTURE.md, "Dependencies").
import { register } from 'tsx/esm/api';

// vitest's node API is plain JavaScript: loaded before tsx's hooks, it skips them (about 130 MB and half a
// second less for the commands that start vitest; docs/benchmarks.md).
const command = process.argv[2];
if (command === 'run' || command === 'merge' || command === 'compare') await import('vitest/node');

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
