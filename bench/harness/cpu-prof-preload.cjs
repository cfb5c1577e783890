/**
 * Preloaded with `--require` through NODE_OPTIONS by bench/profile-audit.ts: Node 20 refuses `--cpu-prof` in
 * NODE_OPTIONS, and vitest starts its fork without the parent's flags, so every Node process of a profiled run
 * starts the V8 profiler itself and writes `<pid>.cpuprofile` into BENCH_CPU_PROF_DIR when it exits.
 * Plain CommonJS on purpose: it runs before any loader (tsx) is registered.
 */
'use strict';
const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const inspector = require('node:inspector');
  const { writeFileSync } = require('node:fs');
  const { join } = require('node:path');
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A same-thread inspector session answers synchronously, so this works inside an 'exit' handler.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const role = process.argv.slice(1).join(' ').includes('vitest') ? 'vitest-worker' : 'main';
      writeFileSync(join(dir, `${role}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', write);
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      write();
      process.kill(process.pid, signal);
    });
  }
}
