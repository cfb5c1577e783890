/**
 * The cases of the write operations, executed once per context and judged by every response check (writes
 * are not replayed per check: on a live tenant each one is a real invitation). Generated bodies come from
 * the request schemas with the reserved address pattern; negative bodies break one component each.
 * Everything created is in the ledger and deleted before the sample returns.
 */
import fc from 'fast-check';
import type { CheckContext } from './check-context.ts';
import type { CheckCase } from './check-types.ts';
import { makeCase, UNKNOWN_UUID } from './case-space.ts';
import { groupUserRemoval } from './group-user-removal.ts';
import { membershipWalk } from './discovery.ts';
import { mutationsFor } from './generators/negative-mutations.ts';
import { emailArbitrary } from './generators/schema-arbitrary.ts';
import { isValid, validArbitrary } from './generators/validated.ts';
import { OPERATIONS, type OperationName } from '../model/operations.ts';
import { deleteProvision, postProvision, type Step } from './provision-api.ts';

const PROVISION_REQUEST = OPERATIONS['POST /v1/org/{orgId}/provision'].requestSchema!;
const PATCH_REQUEST = OPERATIONS['PATCH /rest/groups/{group_id}/users/{id}'].requestSchema!;
export const PROVISION_ROLES = ['ADMIN', 'COLLABORATOR', 'RESTRICTED_COLLABORATOR'] as const;

/** Generated writes per run: all of them on the mock, a handful on a live tenant. */
export function writeRuns(ctx: CheckContext): number {
  return ctx.tenant === 'mock' ? ctx.numRuns : Math.min(ctx.numRuns, 5);
}

/**
 * Valid provision bodies. `rolePublicId` is "" (documented "not supplied"): an invented role id is schema-valid
 * but names no role, so a tenant would rightly refuse it. A role is always sent: the documentation does not
 * say what is granted without one.
 */
export const provisionBodyArbitrary = (): fc.Arbitrary<Record<string, unknown>> =>
  validArbitrary(PROVISION_REQUEST, {
    overrides: {
      '/email': emailArbitrary(),
      '/role': fc.constantFrom(...PROVISION_ROLES),
      '/rolePublicId': fc.constant(''),
    },
  }).map((b) => ({ role: 'COLLABORATOR', ...(b as Record<string, unknown>) }));

/** A body with a fresh reserved address, confirmed valid after the substitution. */
export function withReservedEmail(ctx: CheckContext, body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body, email: ctx.ledger.nextEmail() };
  return isValid(PROVISION_REQUEST, out) ? out : { email: out.email, role: 'COLLABORATOR' };
}

async function postSample(ctx: CheckContext): Promise<Step[]> {
  const steps: Step[] = [];
  const base = (): Record<string, unknown> => ({ email: ctx.ledger.nextEmail(), role: 'COLLABORATOR' });
  steps.push(await postProvision(ctx, base(), 'the documented request (email and role)', { mode: 'example' }));
  for (const body of fc.sample(provisionBodyArbitrary(), { seed: ctx.seed, numRuns: writeRuns(ctx) })) {
    steps.push(await postProvision(ctx, withReservedEmail(ctx, body), 'generated valid body', { mode: 'positive' }));
  }
  for (const m of mutationsFor(PROVISION_REQUEST)) {
    const value = m.apply(base());
    if (isValid(PROVISION_REQUEST, value)) continue;
    steps.push(
      await postProvision(ctx, value, `body ${m.component || '/'}: ${m.description}`, {
        mode: 'negative',
        invalidComponent: `body${m.component}`,
      }),
    );
  }
  steps.push(
    await postProvision(ctx, undefined, 'a body that is not JSON', {
      mode: 'negative',
      rawBody: '{"email": ',
      contentType: 'application/json',
      invalidComponent: 'body',
    }),
  );
  // provision docs: "The user being provisioned must not already exist in the Snyk system."
  const member = (await membershipWalk(ctx, 'GET /rest/orgs/{org_id}/memberships', 1).catch(() => undefined))?.items.find(
    (m) => m.email && m.userId !== ctx.testUserId,
  )?.email;
  if (member) {
    steps.push(
      await postProvision(ctx, { email: member, role: 'COLLABORATOR' }, 'the address of an existing member', {
        mode: 'negative',
        invalidComponent: 'body/email',
      }),
    );
  }
  steps.push(await postProvision(ctx, base(), 'no Authorization header', { mode: 'auth', auth: 'none' }));
  steps.push(await postProvision(ctx, base(), 'a well-formed but wrong token', { mode: 'auth', auth: 'invalid' }));
  steps.push(
    await postProvision(ctx, base(), 'an org that does not exist', {
      mode: 'negative',
      params: { orgId: UNKNOWN_UUID },
      invalidComponent: 'path.orgId',
    }),
  );
  return steps;
}

async function deleteSample(ctx: CheckContext): Promise<Step[]> {
  const steps: Step[] = [];
  const created = ctx.ledger.nextEmail();
  await postProvision(ctx, { email: created, role: 'COLLABORATOR' }, 'setup: a provision to delete');
  steps.push(await deleteProvision(ctx, created, 'delete a pending provision', { mode: 'example' }));
  steps.push(await deleteProvision(ctx, created, 'delete the same provision again', { mode: 'stateful' }));
  const absent = await deleteProvision(ctx, ctx.ledger.nextEmail(), 'an address with no pending provision', { mode: 'example' });
  absent.case.expected = [404];
  absent.case.assertion = 'delete-absent-404';
  steps.push(absent);
  steps.push(await deleteProvision(ctx, undefined, 'the email parameter is missing', { mode: 'negative', invalidComponent: 'query.email' }));
  steps.push(
    await deleteProvision(ctx, 'not-an-email', 'an email parameter that is not an email', {
      mode: 'negative',
      invalidComponent: 'query.email',
    }),
  );
  const guarded = ctx.ledger.nextEmail();
  await postProvision(ctx, { email: guarded, role: 'COLLABORATOR' }, 'setup: a provision the unauthenticated calls target');
  steps.push(await deleteProvision(ctx, guarded, 'no Authorization header', { mode: 'auth', auth: 'none' }));
  steps.push(await deleteProvision(ctx, guarded, 'a well-formed but wrong token', { mode: 'auth', auth: 'invalid' }));
  steps.push(
    await deleteProvision(ctx, guarded, 'an org that does not exist', {
      mode: 'negative',
      params: { orgId: UNKNOWN_UUID },
      invalidComponent: 'path.orgId',
    }),
  );
  return steps;
}

export const patchBody = (id: string, membership: unknown = null): Record<string, unknown> => ({
  data: { type: 'user', id, attributes: { membership } },
});

async function patchSample(ctx: CheckContext): Promise<Step[]> {
  const op: OperationName = 'PATCH /rest/groups/{group_id}/users/{id}';
  const steps: Step[] = [];
  const run = async (c: CheckCase): Promise<void> => {
    steps.push({ case: c, response: await ctx.send(c.request) });
  };
  const unknown = { id: UNKNOWN_UUID };
  const absent = makeCase(ctx, op, 'example', 'remove the membership of a user that does not exist', { params: unknown, body: patchBody(UNKNOWN_UUID) });
  absent.expected = [404];
  await run(absent);
  for (const m of mutationsFor(PATCH_REQUEST)) {
    const value = m.apply(patchBody(UNKNOWN_UUID));
    if (isValid(PATCH_REQUEST, value)) continue;
    await run(makeCase(ctx, op, 'negative', `body ${m.component || '/'}: ${m.description}`, { params: unknown, body: value }, `body${m.component}`));
  }
  await run(
    makeCase(ctx, op, 'negative', 'Content-Type application/json instead of application/vnd.api+json', {
      params: unknown,
      body: patchBody(UNKNOWN_UUID),
      contentType: 'application/json',
    }, 'header.content-type'),
  );
  await run(makeCase(ctx, op, 'auth', 'no Authorization header', { params: unknown, body: patchBody(UNKNOWN_UUID), auth: 'none' }));
  await run(makeCase(ctx, op, 'auth', 'a well-formed but wrong token', { params: unknown, body: patchBody(UNKNOWN_UUID), auth: 'invalid' }));
  await run(makeCase(ctx, op, 'version', 'the required version parameter is missing', { params: unknown, body: patchBody(UNKNOWN_UUID), version: null }, 'query.version'));
  await run(makeCase(ctx, op, 'version', 'a malformed version', { params: unknown, body: patchBody(UNKNOWN_UUID), version: 'not-a-version' }, 'query.version'));
  if (ctx.testUserId) {
    const removal = await groupUserRemoval(ctx);
    steps.push(...removal.steps);
  }
  return steps;
}

/** The executed cases of a write operation (memoised per context; needs writes). */
export function writeSample(ctx: CheckContext, op: OperationName): Promise<Step[]> {
  return ctx.memo(`write-sample:${op}`, async () => {
    try {
      switch (op) {
        case 'POST /v1/org/{orgId}/provision':
          return await postSample(ctx);
        case 'DELETE /v1/org/{orgId}/provision':
          return await deleteSample(ctx);
        case 'PATCH /rest/groups/{group_id}/users/{id}':
          return await patchSample(ctx);
        default:
          throw new Error(`${op} is not a write operation`);
      }
    } finally {
      if (ctx.orgId) await ctx.ledger.cleanup(ctx.client, ctx.orgId);
    }
  });
}
