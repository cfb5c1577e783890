#!/usr/bin/env node
// Node 20 cannot run TypeScript by itself; tsx's loader compiles our sources on the fly, so a clone works
// after `npm ci` without a build step (ARCHITECTURE.md, "Dependencies").
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
