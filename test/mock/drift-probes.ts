/**
 * One probe per operation: a fixed request sequence touching every behaviour a drift of that operation can
 * change, reduced to a transcript. A drift must change its operation's transcript (drifts.test.ts).
 */
import type { OperationName } from '../../src/model/operations.ts';
import type { MockTenant } from '../../src/mock/server.ts';
import { BETA, GA, send, type Answer, type Send } from './helpers.ts';

type Probe = (
  t: MockTenant,
  log: (a: Answer) => void,
  get: (path: string, o?: Send) => Promise<Answer>,
) => Promise<void>;

function fingerprint(a: Answer): string {
  const h = a.headers;
  const present = (name: string) => (h[name] === undefined ? '-' : '+');
  return [
    a.status,
    h['content-type'] ?? '',
    `rid${present('snyk-request-id')} ref${present('x-error-reference')}`,
    h['snyk-version-served'] ?? '',
    h['snyk-version-lifecycle-stage'] ?? '',
    a.text.replace(/"id":"[0-9a-f-]{36}","status"/g, '"id":"…","status"'),
  ].join(' | ');
}

/** Follows links.next for at most `guard` pages; records each page. */
async function walk(
  get: (p: string) => Promise<Answer>,
  log: (a: Answer) => void,
  path: string,
  guard = 12,
): Promise<void> {
  let next: string | undefined = path;
  for (let i = 0; next && i < guard; i++) {
    const a = await get(next);
    log(a);
    next = a.json?.links?.next;
  }
}

const removal = (id: string, membership: unknown = null) => ({
  data: { type: 'user', id, attributes: { membership } },
});

export const PROBES: Record<OperationName, Probe> = {
  'POST /v1/org/{orgId}/provision': async (t, log, get) => {
    const path = `/v1/org/${t.orgId}/provision`;
    const list = await get(path);
    const roleId = list.json[0].rolePublicId as string;
    const member = (await get(`/rest/orgs/${t.orgId}/memberships?version=${GA}`)).json.data[0].relationships.user.data
      .attributes.email;
    log(
      await get(path, {
        method: 'POST',
        body: { email: 'both@acme-corp.example.com', role: 'ADMIN', rolePublicId: roleId },
      }),
    );
    log(await get(path, { method: 'POST', body: { role: 'ADMIN' } }));
    log(await get(path, { method: 'POST', body: { email: member, role: 'COLLABORATOR' } }));
    log(await get(path, { method: 'POST', body: { email: 'valid@acme-corp.example.com', rolePublicId: roleId } }));
    log(await get(path));
  },
  'GET /v1/org/{orgId}/provision': async (t, log, get) => {
    const path = `/v1/org/${t.orgId}/provision`;
    log(await get(path));
    log(await get(path, { auth: 'none' }));
    log(await get(path, { auth: { raw: 'token wrong' } }));
  },
  'DELETE /v1/org/{orgId}/provision': async (t, log, get) => {
    const path = `/v1/org/${t.orgId}/provision`;
    const first = (await get(path)).json[0].email as string;
    log(await get(`${path}?email=nobody@acme-corp.example.com`, { method: 'DELETE' }));
    log(await get(path, { method: 'DELETE' }));
    log(await get(`${path}?email=${encodeURIComponent(first)}`, { method: 'DELETE' }));
    log(await get(path));
    log(await get(`${path}?email=${encodeURIComponent(first)}`, { method: 'DELETE' }));
  },
  'GET /rest/self': async (t, log, get) => {
    log(await get(`/rest/self?version=${GA}`));
    log(await get(`/rest/self?version=${GA}`, { auth: 'none' }));
    log(await get(`/rest/self?version=${GA}`, { auth: { raw: 'token wrong' } }));
    const self = await get(`/rest/self?version=${GA}`);
    log(await get(`/rest/orgs/${t.orgId}/users/${self.json?.data?.id ?? t.selfUserId}?version=${BETA}`));
  },
  'GET /rest/orgs/{org_id}/users/{id}': async (t, log, get) => {
    log(await get(`/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=${GA}`));
    log(await get(`/rest/orgs/${t.orgId}/users/${t.selfUserId}?version=${BETA}`));
    log(await get(`/rest/orgs/${t.orgId}/users/00000000-0000-4000-8000-000000000000?version=${BETA}`));
    log(await get(`/rest/orgs/${t.orgId}/users/bad?version=${BETA}`));
  },
  'PATCH /rest/groups/{group_id}/users/{id}': async (t, log, get) => {
    const path = `/rest/groups/${t.groupId}/users/${t.testUserId}?version=${BETA}`;
    log(
      await get(path, {
        method: 'PATCH',
        body: removal(t.testUserId, { role: 'admin' }),
        contentType: 'application/vnd.api+json',
      }),
    );
    log(await get(path, { method: 'PATCH', body: removal(t.testUserId), contentType: 'application/json' }));
    log(await get(path, { method: 'PATCH', body: removal(t.testUserId), contentType: 'application/vnd.api+json' }));
    log(await get(`/rest/groups/${t.groupId}/memberships?version=${GA}&user_id=${t.testUserId}`));
    log(await get(`/rest/orgs/${t.orgId}/memberships?version=${GA}&user_id=${t.testUserId}`));
  },
  'GET /rest/orgs/{org_id}/memberships': async (t, log, get) => {
    const path = `/rest/orgs/${t.orgId}/memberships?version=${GA}`;
    log(await get(`${path}&limit=5`));
    await walk(get, log, `${path}&limit=10`);
    log(await get(`${path}&sort_by=email&limit=100`));
    const email = (await get(`${path}&limit=10`)).json.data[2].relationships.user.data.attributes.email;
    log(await get(`${path}&email=${encodeURIComponent(email)}`));
    // ending_before: links.prev of the third page.
    const second = (await get(`${path}&limit=10`)).json.links?.next as string | undefined;
    const third = second ? ((await get(second)).json.links?.next as string | undefined) : undefined;
    const prev = third ? ((await get(third)).json.links?.prev as string | undefined) : undefined;
    if (prev) log(await get(prev));
    // What the tenant's served spec says about the operation (drift org-memberships-spec-stale).
    const spec = await get(`/rest/openapi/${GA}`);
    log({ ...spec, text: JSON.stringify(spec.json?.paths?.['/orgs/{org_id}/memberships'] ?? null) + JSON.stringify(spec.json?.components?.schemas ?? null) });
  },
  'GET /rest/groups/{group_id}/memberships': async (t, log, get) => {
    const path = `/rest/groups/${t.groupId}/memberships?version=${GA}`;
    await walk(get, log, `${path}&limit=10`);
    log(await get(`${path}&sort_by=email&limit=100`));
    log(await get(`${path}&role_name=Group%20Admin&limit=100`));
    log(await get(`${path}&sort_by=login_method&sort_order=ASC&limit=100`));
  },
  'GET /rest/groups/{group_id}/audit_logs/search': async (t, log, get) => {
    const path = `/rest/groups/${t.groupId}/audit_logs/search?version=${GA}&from=2025-03-10T00:00:00Z`;
    log(await get(`${path}&size=5`));
    log(await get(`${path}&events=org.user.add&exclude_events=api.access`));
    log(await get(`${path}&user_id=${t.selfUserId}&size=20`));
  },
  'GET /rest/orgs/{org_id}/audit_logs/search': async (t, log, get) => {
    const path = `/rest/orgs/${t.orgId}/audit_logs/search`;
    log(await get(`${path}?version=${GA}&from=2025-03-10T00:00:00Z&sort_order=ASC&size=10`));
    log(await get(`${path}?version=${GA}&from=2025-05-01T00:00:00Z&to=2025-05-03T00:00:00Z`));
    const items = (await get(`${path}?version=${GA}&from=2025-03-10T00:00:00Z&size=100`)).json.data.items as any[];
    const project = items.find((i) => i.project_id)?.project_id;
    log(await get(`${path}?version=${GA}&from=2025-03-10T00:00:00Z&size=100&project_id=${project}`));
    log(await get(`${path}?version=2025-07-01`));
    log(await get(`${path}?version=${GA}`, { auth: 'none' }));
  },
  'GET /users/': async (_t, log, get) => {
    const first = await get('/users/?length=7');
    log(first);
    const last = first.json.page_total as number;
    log(await get(`/users/?length=7&page=2`));
    log(await get(`/users/?length=7&page=${last}`));
    log(await get(`/users/?length=7&page=${Math.ceil(first.json.count / 7)}`));
    log(await get(`/users/?length=7&page=${Math.ceil(first.json.count / 7) + 1}`));
    log(await get('/users/?active=false&length=100'));
    log(await get('/users/?mfa_enabled=false&length=100'));
    const labels = [
      ...new Set((await get('/users/?length=100')).json.results.flatMap((u: any) => u.labels.map((l: any) => l.id))),
    ];
    log(await get(`/users/?label=${labels[0]}&label=${labels[1]}&label_logical_operator=and&length=100`));
    log(await get('/users/?ordering=-name&length=100'));
    log(await get('/users/?exclude=email'));
    log(await get('/users/?search=ana&length=100'));
    log(await get('/users/', { auth: 'none' }));
    log(await get('/users/?length=0'));
    log(await get('/users/?ordering=nope'));
  },
};

export async function transcriptOf(t: MockTenant, op: OperationName): Promise<string[]> {
  const out: string[] = [];
  await PROBES[op](
    t,
    (a) => out.push(fingerprint(a)),
    (path, o) => send(t, path, o),
  );
  return out;
}
