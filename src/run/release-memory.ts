/**
 * A full garbage collection between the reports of a large run. V8 lets the heap grow while a renderer makes
 * garbage and returns the pages only after a full collection; writing five reports of a 100k-user tenant
 * back to back took the process past its 400 MB budget (docs/benchmarks.md), a collection between them
 * keeps it well under, for about 50 ms each. `gc` is not exposed without a flag, so the flag is set at run
 * time and the function taken from a fresh context (Node documents both `v8.setFlagsFromString` and
 * `--expose-gc`); where that is refused, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function releaseMemory(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
