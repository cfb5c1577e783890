/**
 * Figure 5 (issues 3 and 9): requests per second of GET /users/?length=100 and GET /rest/self on our mock and,
 * side by side in the same run, on Prism 5.14.2 in static and dynamic (`-d`) mode mocking the same
 * operations: REST from the official spec extract (copied to a temporary directory, never committed), /users/
 * from an OpenAPI 3.1 document built from our schema. Every server runs in its own process; the loads run
 * one at a time, in rounds that alternate ours / Prism static / Prism dynamic per operation and concurrency,
 * and each server's figure is its median round, so that noise from other work on the machine hits all three
 * alike. Goal: ≥ 5× Prism static.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bench, BenchContext, BenchResult } from '../harness/bench.ts';
import { figure, round, type Figure } from '../harness/figure.ts';
import { startMockProcess } from '../harness/mock-process.ts';
import { generateLoad, type LoadResult, type LoadTarget } from '../harness/load-generator.ts';
import { ensurePrism, startPrism, PRISM_VERSION, type PrismInstall, type PrismServer } from '../harness/prism.ts';
import { buildUsersOpenApi } from '../harness/users-openapi.ts';
import { SHARED } from '../harness/paths.ts';

export const REST_SPEC = join(SHARED, 'research', 'specs', 'snyk-rest-user-mgmt.openapi.json');
export const REST_VERSION = '2024-10-15';
export const CONCURRENCIES = [10, 50] as const;
export const PRISM_GOAL = 5;

type ServerName = 'ours' | 'prismStatic' | 'prismDynamic';
type OpName = 'users' | 'self';

interface OpTargets {
  op: OpName;
  label: string;
  targets: Partial<Record<ServerName, LoadTarget>>;
}

/** 2xx responses per second: an error answered fast is not throughput. */
function okRps(r: LoadResult): number {
  let ok = 0;
  for (const [status, n] of Object.entries(r.statuses)) if (status.startsWith('2')) ok += n;
  return (ok / r.durationMs) * 1000;
}

/** The round with the median 2xx rate (rounds are few and odd in number). */
function medianRound(list: readonly LoadResult[]): LoadResult {
  return [...list].sort((a, b) => okRps(a) - okRps(b))[Math.floor(list.length / 2)]!;
}

function describe(r: LoadResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return `p50 ${round(r.p50Ms, 1)} ms, p99 ${round(r.p99Ms, 1)} ms, ${Math.round(r.meanBodyBytes)} B/resp, ${statuses}`;
}

export const mockThroughput: Bench = {
  name: 'mock-throughput',
  title: 'mock requests/s vs Prism 5.14.2 static and dynamic',
  timeoutMs: (quick) => (quick ? 300_000 : 600_000),
  async run(ctx: BenchContext): Promise<BenchResult> {
    const durationMs = ctx.quick ? 1000 : 2000;
    const warmupMs = ctx.quick ? 200 : 300;
    const rounds = ctx.quick ? 1 : 3;
    const servers: PrismServer[] = [];
    const mock = await startMockProcess({ users: 1500 });
    let prismProblem: string | undefined;
    let install: PrismInstall | undefined;
    try {
      const ops: OpTargets[] = [
        {
          op: 'users',
          label: 'GET /users/?length=100',
          targets: {
            ours: { origin: mock.coords.url, path: '/users/?length=100', headers: { authorization: `JWT ${mock.coords.apiwebToken}` } },
          },
        },
        {
          op: 'self',
          label: `GET /rest/self?version=${REST_VERSION}`,
          targets: {
            ours: { origin: mock.coords.url, path: `/rest/self?version=${REST_VERSION}`, headers: { authorization: `token ${mock.coords.snykToken}` } },
          },
        },
      ];

      try {
        ctx.log(`mock-throughput: Prism ${PRISM_VERSION} (installed on demand into bench/.cache)`);
        install = await ensurePrism();
        const dir = join(ctx.tmpDir, 'prism');
        await mkdir(dir, { recursive: true });
        const restSpec = join(dir, 'snyk-rest-user-mgmt.openapi.json');
        await copyFile(REST_SPEC, restSpec);
        const usersSpec = join(dir, 'apiweb-users.openapi.json');
        await writeFile(usersSpec, JSON.stringify(buildUsersOpenApi(), null, 2));
        // Prism serves the spec's paths without the server's base path (`/rest`): /self is the same operation.
        const prismTargets: Record<OpName, { spec: string; path: string; auth: string }> = {
          users: { spec: usersSpec, path: '/users/?length=100', auth: 'JWT bench-placeholder-key' },
          self: { spec: restSpec, path: `/self?version=${REST_VERSION}`, auth: 'token bench-placeholder-token' },
        };
        for (const o of ops) {
          const t = prismTargets[o.op];
          for (const [name, dynamic] of [['prismStatic', false], ['prismDynamic', true]] as const) {
            const server = await startPrism(install, t.spec, { dynamic, probePath: t.path });
            servers.push(server);
            o.targets[name] = { origin: server.origin, path: t.path, headers: { authorization: t.auth } };
          }
        }
      } catch (error) {
        prismProblem = (error as Error).message;
        ctx.log(`mock-throughput: Prism unavailable: ${prismProblem}`);
      }

      const figures: Figure[] = [];
      const results: Record<string, unknown> = {};
      for (const o of ops) {
        for (const c of CONCURRENCIES) {
          const byServer: Partial<Record<ServerName, LoadResult[]>> = {};
          for (let pass = 0; pass < rounds; pass++) {
            for (const name of ['ours', 'prismStatic', 'prismDynamic'] as const) {
              const target = o.targets[name];
              if (!target) continue;
              ctx.log(`mock-throughput: ${o.label} on ${name}, concurrency ${c}, round ${pass + 1}/${rounds}, ${durationMs} ms`);
              (byServer[name] ??= []).push(await generateLoad(target, { concurrency: c, durationMs, warmupMs }));
            }
          }
          const rps: Partial<Record<ServerName, number>> = {};
          for (const name of ['ours', 'prismStatic', 'prismDynamic'] as const) {
            const figName = `mock-throughput.${o.op}.c${c}.${name}Rps`;
            const list = byServer[name];
            if (!list) {
              figures.push(figure(figName, null, 'req/s', { note: `Prism unavailable: ${prismProblem ?? 'not started'}` }));
              continue;
            }
            const r = medianRound(list);
            results[`${o.op}.c${c}.${name}`] = list;
            rps[name] = okRps(r);
            const spread = list.length > 1 ? `; rounds ${list.map((x) => Math.round(okRps(x))).join('/')}` : '';
            figures.push(figure(figName, round(rps[name], 0), 'req/s', { note: `${describe(r)}${spread}` }));
          }
          const ratio = rps.ours !== undefined && rps.prismStatic ? rps.ours / rps.prismStatic : null;
          figures.push(
            figure(`mock-throughput.${o.op}.c${c}.vsPrismStatic`, ratio === null ? null : round(ratio, 2), '×', {
              goal: { op: '>=', target: PRISM_GOAL },
              ...(ratio === null ? { note: `Prism unavailable: ${prismProblem ?? 'no 2xx from Prism'}` } : {}),
            }),
          );
          if (rps.ours !== undefined && rps.prismDynamic) {
            figures.push(figure(`mock-throughput.${o.op}.c${c}.vsPrismDynamic`, round(rps.ours / rps.prismDynamic, 1), '×'));
          }
        }
      }
      return {
        figures,
        params: {
          durationMs,
          warmupMs,
          rounds,
          concurrencies: CONCURRENCIES,
          prism: install ? { version: install.version, installed: install.installed, installMs: round(install.installMs, 0) } : { unavailable: prismProblem },
          loads: results,
        },
      };
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await mock.stop();
    }
  },
};
