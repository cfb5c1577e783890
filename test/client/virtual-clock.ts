/**
 * Virtual time for the client's tests. `sleep(ms)` records the wait and parks the caller; on each turn of
 * the event loop (so real sockets keep flowing) the earliest parked sleeper wakes and `now()` jumps to its
 * wake time. Pacing and retry waits then cost no wall time, and tests assert the waits the client chose
 * rather than how long things took.
 */
export interface VirtualClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  waits: number[];
}

export function virtualClock(start = Date.now()): VirtualClock {
  let t = start;
  let seq = 0;
  const waits: number[] = [];
  const parked: { at: number; seq: number; wake: () => void }[] = [];
  let ticking = false;
  const tick = (): void => {
    ticking = false;
    parked.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = parked.shift();
    if (!next) return;
    t = Math.max(t, next.at);
    next.wake();
    if (parked.length > 0) schedule();
  };
  const schedule = (): void => {
    if (ticking) return;
    ticking = true;
    setImmediate(tick);
  };
  return {
    now: () => t,
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise<void>((resolve) => {
        parked.push({ at: t + Math.max(0, ms), seq: seq++, wake: resolve });
        schedule();
      });
    },
  };
}
