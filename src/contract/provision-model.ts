/**
 * The model-based test of the v1 provision lifecycle (fc.commands / fc.asyncModelRun; research §9.3):
 * provision, list, provision again (refused with a 4xx or replaced with a 2xx: the documentation does not say
 * which), provision an existing member (4xx), delete, delete again (404),
 * with the tenant compared to a model of the pending provisions after every step. Each run uses three fresh
 * reserved addresses, so runs never see each other's provisions; everything created is deleted after each run.
 *
 * Documented (provision docs): POST refuses an address already a member; GET lists pending provisions; DELETE
 * ?email= removes one. Assumed (issue 13): an address without one is 404 — where the tenant answers otherwise,
 * the run goes on and the departure is a warning unless the run is strict (settle-verdict.ts decides).
 */
import fc from 'fast-check';
import type { ApiResponse } from '../client/types.ts';
import type { OperationName } from '../model/operations.ts';
import type { CheckContext } from './check-context.ts';
import type { Failure, ScenarioResult, Verdict } from './check-types.ts';
import { membershipWalk } from './discovery.ts';
import { deleteProvision, isSuccess, listedEmails, listProvisions, postProvision, type Step } from './provision-api.ts';
import { describeRequest } from './requests.ts';
import { provisionLifecycleAssertions } from './assertions/provision-lifecycle.ts';
import { settleVerdict } from './settle-verdict.ts';
import { fail, pass } from './verdict.ts';
import { PROVISION_ROLES } from './write-sample.ts';

export const PROVISION_LIFECYCLE = {
  title: 'Provision lifecycle diverges from the model',
  severity: 'high' as const,
};

const POST: OperationName = 'POST /v1/org/{orgId}/provision';
const GET: OperationName = 'GET /v1/org/{orgId}/provision';
const DELETE: OperationName = 'DELETE /v1/org/{orgId}/provision';

interface Model {
  /** Pending provisions of this run's addresses: email → role. */
  pending: Map<string, string>;
}

interface Real {
  ctx: CheckContext;
  emails: string[];
  /** The last command that touched each address (to name the operation a list mismatch blames). */
  last: Map<string, 'post' | 'refused-post' | 'delete'>;
  /** Step number of each address's last command, and of the last DELETE of any address. */
  lastStep: Map<string, number>;
  lastDeleteStep: number;
  /** Addresses a list() showed since their last POST. */
  seenListed: Set<string>;
  history: string[];
  member?: string;
  /** Assumed assertions the tenant did not meet (warnings unless strict). */
  warnings: Set<string>;
}

/** Thrown by a command when the tenant departs from the model; carries the verdict. */
export class LifecycleDivergence extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'LifecycleDivergence';
  }
}

function divergence(real: Real, operation: OperationName, lines: [string, unknown][], step: Step, assertion?: string): Failure {
  return fail(PROVISION_LIFECYCLE, [...lines, ['Steps so far', real.history.join(' → ')], ['Request', describeRequest(step.case.request)]], {
    operation,
    response: step.response,
    case: step.case,
    ...(assertion ? { assertion } : {}),
  });
}

/** A departure from a documented assertion: the run stops here. */
function diverge(real: Real, operation: OperationName, lines: [string, unknown][], step: Step): never {
  throw new LifecycleDivergence(divergence(real, operation, lines, step));
}

/** A departure from an assumed assertion: a warning, and the run goes on, unless the run is strict. */
function depart(real: Real, operation: OperationName, lines: [string, unknown][], step: Step, assertion: string): void {
  const settled = settleVerdict({ id: 'provision_lifecycle', assertions: provisionLifecycleAssertions }, divergence(real, operation, lines, step, assertion), real.ctx.strict);
  if (settled.status === 'fail') throw new LifecycleDivergence(settled);
  if (settled.status === 'pass') for (const w of settled.warnings ?? []) real.warnings.add(w.replace(/; Steps so far: .*$/, ''));
}

const status = (r: ApiResponse): number => r.status;

class ProvisionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly slot: number, readonly role: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const email = r.emails[this.slot]!;
    const step = await postProvision(r.ctx, { email, role: this.role }, `provision slot ${this.slot}`, { mode: 'stateful' });
    const pending = m.pending.has(email);
    r.history.push(`POST ${this.slot} → ${status(step.response)}`);
    r.lastStep.set(email, r.history.length);
    r.seenListed.delete(email);
    if (pending) {
      // Undocumented: a tenant may refuse the second provision (4xx) or replace the pending one (2xx). Either
      // way the address stays pending exactly once; anything else is a divergence.
      if (isSuccess(step.response.status)) m.pending.set(email, this.role);
      else if (step.response.status < 400 || step.response.status >= 500) {
        diverge(r, POST, [['Problem', 'provisioning a pending address again'], ['Received', step.response.status], ['Expected', '2xx (replaced) or 4xx (refused)']], step);
      }
      r.last.set(email, 'post');
      return;
    }
    if (!isSuccess(step.response.status)) {
      r.last.set(email, 'refused-post');
      diverge(r, POST, [['Problem', 'a valid provision was refused'], ['Received', step.response.status], ['Expected', '2xx']], step);
    }
    const echoed = (step.response.json as { email?: unknown } | undefined)?.email;
    if (typeof echoed === 'string' && echoed.toLowerCase() !== email.toLowerCase()) {
      diverge(r, POST, [['Problem', 'the answer names another address'], ['Requested', email], ['Answered', echoed]], step);
    }
    m.pending.set(email, this.role);
    r.last.set(email, 'post');
  }
  toString = (): string => `provision(${this.slot}, ${this.role})`;
}

class ProvisionMemberCommand implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(_m: Model, r: Real): Promise<void> {
    if (!r.member) return;
    const step = await postProvision(r.ctx, { email: r.member, role: 'COLLABORATOR' }, 'provision an existing member', {
      mode: 'negative',
      invalidComponent: 'body/email',
    });
    r.history.push(`POST member → ${status(step.response)}`);
    if (step.response.status < 400) {
      diverge(r, POST, [['Problem', 'a provision for an existing member was accepted (the user must not already exist)'], ['Email', r.member], ['Received', step.response.status]], step);
    }
  }
  toString = (): string => 'provisionExistingMember()';
}

class ListCommand implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const step = await listProvisions(r.ctx, 'list pending provisions');
    r.history.push(`GET → ${status(step.response)}`);
    const listed = listedEmails(step.response);
    if (!listed) diverge(r, GET, [['Received', step.response.status], ['Expected', '200 with an array']], step);
    const mine = new Set(r.emails.map((e) => e.toLowerCase()));
    if (r.member && listed.has(r.member.toLowerCase())) {
      diverge(r, POST, [['Problem', 'an existing member is listed as a pending provision'], ['Email', r.member]], step);
    }
    for (const email of mine) {
      const expected = m.pending.has(email);
      const actual = listed.has(email);
      if (actual) r.seenListed.add(email);
      if (expected === actual) continue;
      const last = r.last.get(email);
      // A pending address vanished: a DELETE of another address since its POST took it; otherwise the POST
      // did not create it. An address the model does not hold is the last command's doing.
      const deletedSince = r.lastDeleteStep > (r.lastStep.get(email) ?? -1) && r.seenListed.has(email);
      const op = expected
        ? deletedSince ? DELETE : last === 'post' ? POST : GET
        : last === 'delete' ? DELETE : last === 'post' || last === 'refused-post' ? POST : GET;
      diverge(r, op, [
        ['Problem', expected ? 'a provision the model holds is not listed' : 'a provision the model does not hold is listed'],
        ['Email', email],
        ['Last command on it', last ?? 'none'],
      ], step);
    }
  }
  toString = (): string => 'list()';
}

/**
 * provision docs, "Delete pending user provision": Response model `{ "ok": true }`; v1 spec: `ok` boolean,
 * "Deletion succeeded.". A 200 that removed a pending provision says so with `ok: true` (the shape itself is
 * response_schema_conformance's; here only the documented value of a deletion that happened).
 */
function deletedOkProblem(step: Step): [string, unknown][] | undefined {
  if (step.response.status !== 200) return undefined;
  const body = step.response.json;
  const ok = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).ok : undefined;
  if (ok === true) return undefined;
  return [
    ['Problem', 'deleting a pending provision answered 200 without "ok": true (provision docs response model: { "ok": true }; spec: ok, "Deletion succeeded.")'],
    ['Received ok', ok === undefined ? '(absent)' : ok],
    ['Expected ok', true],
  ];
}

class DeleteCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly slot: number) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const email = r.emails[this.slot]!;
    const step = await deleteProvision(r.ctx, email, `delete slot ${this.slot}`, { mode: 'stateful' });
    r.history.push(`DELETE ${this.slot} → ${status(step.response)}`);
    r.last.set(email, 'delete');
    r.lastStep.set(email, r.history.length);
    r.lastDeleteStep = r.history.length;
    if (m.pending.has(email)) {
      if (!isSuccess(step.response.status)) {
        diverge(r, DELETE, [['Problem', 'deleting a pending provision failed'], ['Received', step.response.status], ['Expected', '2xx']], step);
      }
      const okProblem = deletedOkProblem(step);
      if (okProblem) diverge(r, DELETE, okProblem, step);
      m.pending.delete(email);
    } else if (step.response.status !== 404) {
      depart(r, DELETE, [['Problem', 'deleting an address without a pending provision'], ['Received', step.response.status], ['Expected', 404]], step, 'delete-absent-404');
    }
  }
  toString = (): string => `delete(${this.slot})`;
}

function commands(withMember: boolean): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, Real>>> {
  const slot = fc.integer({ min: 0, max: 2 });
  const list: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
    fc.tuple(slot, fc.constantFrom(...PROVISION_ROLES)).map(([s, role]) => new ProvisionCommand(s, role)),
    fc.constant(new ListCommand()),
    slot.map((s) => new DeleteCommand(s)),
  ];
  if (withMember) list.push(fc.constant(new ProvisionMemberCommand()));
  return fc.commands(list, { maxCommands: 8 });
}

/** Runs the lifecycle property; the verdicts name the operation each divergence blames. */
export async function runProvisionLifecycle(ctx: CheckContext): Promise<ScenarioResult> {
  const members = await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 1).catch(() => undefined);
  const member = members?.items.find((m) => m.email && m.userId !== ctx.testUserId)?.email;
  const numRuns = ctx.tenant === 'mock' ? Math.min(ctx.numRuns, 15) : Math.min(ctx.numRuns, 3);
  let lastFailure: Failure | undefined;
  let crash: unknown;
  const warnings = new Set<string>();
  const result = await fc.check(
    fc.asyncProperty(commands(member !== undefined), async (cmds) => {
      const real: Real = {
        ctx,
        emails: [ctx.ledger.nextEmail(), ctx.ledger.nextEmail(), ctx.ledger.nextEmail()],
        last: new Map(),
        lastStep: new Map(),
        lastDeleteStep: -1,
        seenListed: new Set(),
        history: [],
        member,
        warnings,
      };
      const model: Model = { pending: new Map() };
      try {
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        // A final comparison, so a divergence in the last step is seen even without a list() command.
        await new ListCommand().run(model, real);
      } catch (error) {
        if (error instanceof LifecycleDivergence) {
          lastFailure = error.failure;
          throw error;
        }
        crash ??= error;
        throw error;
      } finally {
        if (ctx.orgId) await ctx.ledger.cleanup(ctx.client, ctx.orgId);
      }
    }),
    { seed: ctx.seed, numRuns },
  );
  if (!result.failed) return { verdicts: [pass([...warnings].slice(0, 3))], seed: ctx.seed };
  const divergence = result.errorInstance instanceof LifecycleDivergence ? result.errorInstance.failure : lastFailure;
  if (!divergence) throw crash instanceof Error ? crash : new Error(`provision lifecycle property failed: ${String(result.errorInstance)}`);
  const counterexample = String(result.counterexample?.[0] ?? '');
  const verdict: Verdict = { ...divergence, counterexample, ...(warnings.size > 0 ? { warnings: [...warnings].slice(0, 3) } : {}) };
  return { verdicts: [verdict], seed: result.seed, path: result.counterexamplePath ?? undefined, counterexample };
}
