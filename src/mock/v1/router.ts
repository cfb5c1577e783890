/**
 * Snyk v1 provision endpoints, `/v1/org/{orgId}/provision` (provision docs; v1 spec):
 * POST provisions a user (`email` required; `role` or `rolePublicId`, not both; never an existing user),
 * GET lists pending provisions, DELETE `?email=` removes one. Authentication: `token` or `bearer`.
 */
import { checkSnykAuth } from '../auth.ts';
import { isoMs } from '../clock.ts';
import type { Provision } from '../data/provisions.ts';
import type { HandlerContext } from '../http/handler-context.ts';
import { decodeSegment, header, requestMediaType } from '../http/mock-request.ts';
import type { MockResponse } from '../http/mock-response.ts';
import { PROVISION_ROLE_TO_ORG_ROLE, PROVISION_ROLES, type ProvisionRole } from '../data/names.ts';
import { v1Error, v1Json } from './v1-errors.ts';

const PROVISION_PATH = /^\/v1\/org\/([^/]+)\/provision\/?$/;

/** The `email` format as ajv-formats checks it, so a schema-valid address is never refused here. */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function provisionJson(
  p: Provision,
  omitCreated: boolean,
  omit: { role?: boolean; rolePublicId?: boolean } = {},
  zoneless = false,
): Record<string, unknown> {
  // Provision docs response model order: email, rolePublicId, role, created.
  const out: Record<string, unknown> = { email: p.email };
  if (!omit.rolePublicId) out.rolePublicId = p.rolePublicId;
  if (!omit.role) out.role = p.role;
  // Realistic mode: the docs show `"created": Date`; a date-time without a zone is one way to read it.
  if (!omitCreated) out.created = zoneless ? isoMs(p.createdMs).replace(/Z$/, '') : isoMs(p.createdMs);
  return out;
}

export function handleV1(ctx: HandlerContext): MockResponse {
  const { req, tenant } = ctx;
  const match = PROVISION_PATH.exec(req.path);
  if (!match) return v1Error(ctx, 404, 'Not found');
  const unauthenticatedList = ctx.drift('provision-list-unauthenticated') && req.method === 'GET';
  if (!unauthenticatedList && checkSnykAuth(header(req, 'authorization'), tenant.snykToken) !== 'ok') {
    return v1Error(ctx, 401, 'Not authorised');
  }
  const orgId = decodeSegment(match[1]!);
  const org = tenant.snyk.orgs.find((o) => o.id.toLowerCase() === orgId.toLowerCase());
  if (!org) {
    const text = `Org ${orgId} was not found or you may not have the correct permissions to access the org.`;
    return v1Error(ctx, 404, text);
  }
  switch (req.method) {
    case 'GET':
      return listProvisions(ctx, org.id);
    case 'POST':
      return createProvision(ctx, org.id);
    case 'DELETE':
      return deleteProvision(ctx, org.id);
    default:
      return v1Error(ctx, 405, `Method ${req.method} not allowed`);
  }
}

function listProvisions(ctx: HandlerContext, orgId: string): MockResponse {
  const omit = ctx.drift('provision-list-missing-created');
  const roleOmitted = { role: ctx.drift('provision-list-missing-role') };
  const body = ctx.tenant.provisions.list(orgId).map((p) => provisionJson(p, omit, roleOmitted));
  const response = v1Json(200, body);
  if (ctx.drift('provision-list-html-content-type')) response.headers['content-type'] = 'text/html; charset=utf-8';
  return response;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function createProvision(ctx: HandlerContext, orgId: string): MockResponse {
  const { req, tenant } = ctx;
  const mediaType = requestMediaType(req);
  if (mediaType !== 'application/json' && !mediaType?.endsWith('+json')) {
    return v1Error(ctx, 400, 'Content-Type must be application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return v1Error(ctx, 400, 'Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return v1Error(ctx, 400, 'Request body must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  let email = fields.email;
  if (email === undefined && ctx.drift('provision-post-accepts-missing-email')) email = '';
  else if (typeof email !== 'string' || !EMAIL.test(email))
    return v1Error(ctx, 400, '"email" must be a valid email address');
  if (fields.role !== undefined && typeof fields.role !== 'string') return v1Error(ctx, 400, '"role" must be a string');
  if (fields.rolePublicId !== undefined && typeof fields.rolePublicId !== 'string') {
    return v1Error(ctx, 400, '"rolePublicId" must be a string');
  }
  // Provision docs's own request model sends `"rolePublicId": ""` next to `role`: an empty rolePublicId counts as
  // absent. `role`, when present, must be one of the three documented values ("" included in the refusal).
  const role = fields.role as string | undefined;
  const rolePublicId = nonEmptyString(fields.rolePublicId);
  if (
    role !== undefined &&
    rolePublicId !== undefined &&
    !ctx.drift('provision-post-accepts-role-and-role-public-id')
  ) {
    return v1Error(ctx, 400, 'Use either "role" or "rolePublicId", not both');
  }
  if (role !== undefined && !(PROVISION_ROLES as readonly string[]).includes(role)) {
    return v1Error(ctx, 400, '"role" must be one of ADMIN, COLLABORATOR, RESTRICTED_COLLABORATOR');
  }
  const orgRoles = tenant.snyk.orgRoles;
  let served: { role: string; rolePublicId: string };
  if (rolePublicId !== undefined) {
    const found = orgRoles.find((r) => r.id.toLowerCase() === rolePublicId.toLowerCase());
    if (!found) return v1Error(ctx, 400, `Role ${rolePublicId} was not found in the organization's group`);
    served = { role: found.name, rolePublicId: found.id };
  } else {
    // Without either, the spec's only required field is `email`: the default role is collaborator.
    const legacy = (role ?? 'COLLABORATOR') as ProvisionRole;
    const orgRole = orgRoles.find((r) => r.name === PROVISION_ROLE_TO_ORG_ROLE[legacy])!;
    served = { role: legacy, rolePublicId: orgRole.id };
  }
  const address = email as string;
  if (tenant.knownEmails.has(address.toLowerCase()) && !ctx.drift('provision-post-accepts-existing-member')) {
    return v1Error(ctx, 409, `User ${address} already exists in Snyk; only new users can be provisioned`);
  }
  if (ctx.drift('provision-post-server-error')) return v1Error(ctx, 500, 'Internal Server Error');
  const provision: Provision = { orgId, email: address, ...served, createdMs: tenant.clock.now() };
  if (!ctx.drift('provision-post-not-created')) {
    tenant.provisions.upsert(provision);
    tenant.audit.append({
      createdMs: provision.createdMs,
      event: 'org.user.provision.create',
      org: orgIndex(ctx, orgId),
      userId: tenant.self.id,
      content: { email: address, role: served.role, rolePublicId: served.rolePublicId },
    });
  }
  return v1Json(
    200,
    provisionJson(
      provision,
      ctx.drift('provision-post-missing-created'),
      { rolePublicId: ctx.drift('provision-post-missing-role-public-id') },
      ctx.realistic('provision-created-without-zone'),
    ),
  );
}

function orgIndex(ctx: HandlerContext, orgId: string): number {
  return ctx.tenant.snyk.orgs.findIndex((o) => o.id === orgId);
}

function deleteProvision(ctx: HandlerContext, orgId: string): MockResponse {
  const { req, tenant } = ctx;
  const email = req.query.get('email');
  if (email === null || email === '') {
    if (ctx.drift('provision-delete-missing-email-ok')) return v1Json(200, { ok: true });
    return v1Error(ctx, 400, 'Query parameter "email" is required');
  }
  const ok = ctx.drift('provision-delete-ok-string') ? 'true' : true;
  const existing = tenant.provisions.find(orgId, email);
  if (!existing) {
    if (ctx.drift('provision-delete-unknown-ok')) return v1Json(200, { ok });
    if (ctx.realistic('provision-delete-absent-ok-false')) return v1Json(200, { ok: false });
    return v1Error(ctx, 404, `No pending provision for ${email}`);
  }
  if (!ctx.drift('provision-delete-keeps-entry')) {
    tenant.provisions.remove(orgId, email);
    tenant.audit.append({
      createdMs: tenant.clock.now(),
      event: 'org.user.provision.delete',
      org: orgIndex(ctx, orgId),
      userId: tenant.self.id,
      content: { email: existing.email },
    });
  }
  return v1Json(200, { ok: ctx.drift('provision-delete-ok-false') ? false : ok });
}
