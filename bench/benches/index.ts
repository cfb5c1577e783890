/** Every bench, in the order a full run takes them (report-html and growth reuse audit-e2e's run). */
import type { Bench } from '../harness/bench.ts';
import { auditE2e } from './audit-e2e.ts';
import { growth } from './growth.ts';
import { reportHtml } from './report-html.ts';
import { reportExports } from './report-exports.ts';
import { cpuPath } from './cpu-path.ts';
import { pacing } from './pacing.ts';
import { mockThroughput } from './mock-throughput.ts';
import { contractSuite, npmStart } from './suite-walltime.ts';

export const BENCHES: readonly Bench[] = [auditE2e, growth, reportHtml, reportExports, cpuPath, pacing, mockThroughput, contractSuite, npmStart];
