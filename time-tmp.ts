import { ocsfChunks } from './reporters/ocsf.ts';
import { oscalChunks } from './reporters/oscal.ts';
import { findingsCsvChunks } from './reporters/csv.ts';
import { resultsJsonChunks } from './reporters/json.ts';
import { largeResults, withoutRuleCopies } from './test/reporters/results-builder.ts';
const large = JSON.parse(JSON.stringify(withoutRuleCopies(largeResults({ seed: 20250301, findings: 57_000 }))));
for (let k = 0; k < 2; k++) {
  for (const [name, fn] of [['csv', findingsCsvChunks], ['json', resultsJsonChunks], ['ocsf', ocsfChunks], ['oscal', oscalChunks]] as const) {
    const t = performance.now(); let n = 0;
    for (const c of (fn as (r: unknown) => Iterable<string>)(large)) n += c.length;
    console.log(name, Math.round(performance.now() - t), 'ms', (n / 1e6).toFixed(1), 'MB');
  }
}
