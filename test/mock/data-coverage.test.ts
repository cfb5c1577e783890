import { describe, expect, it } from 'vitest';
import { allRest, allUsers, GA, NOW, send, start } from './helpers.ts';

const DAY = 86_400_000;
const now = NOW.getTime();
const ageDays = (text: string | null): number => {
  if (text === null) return Number.POSITIVE_INFINITY;
  return (now - Date.parse(text.endsWith('Z') ? text : `${text.slice(0, 23)}Z`)) / DAY;
};
/** Positives and negatives of a rule: both must exist. */
const both = <T>(items: T[], positive: (x: T) => boolean, negative: (x: T) => boolean) => [
  items.filter(positive).length,
  items.filter(negative).length,
];

describe('seeded data covers every audit rule and filter in a small tenant', () => {
  it('should hold positives and negatives for every rule with 50 users, 12 members and 10 provisions', async () => {
    const t = await start({ seed: 3, users: 50, members: 12, provisions: 10 });
    try {
      const users = await allUsers(t);
      const human = users.filter((u) => !u.is_apiuser && u.active);
      const privileged = (u: any) =>
        u.is_billing_admin || u.user_roles.some((r: any) => r.scope.tier === 'account' && r.role.name === 'Admin');
      const rules: Record<string, number[]> = {
        'mfa-disabled': both(
          human,
          (u) => !u.mfa_enabled,
          (u) => u.mfa_enabled,
        ),
        'inactive-account 90': both(
          human,
          (u) => ageDays(u.last_login) > 90,
          (u) => ageDays(u.last_login) <= 90,
        ),
        'inactive-account 45': both(
          human,
          (u) => ageDays(u.last_login) > 45 && ageDays(u.last_login) <= 90,
          (u) => ageDays(u.last_login) <= 45,
        ),
        'inactive-account 35': both(
          human,
          (u) => ageDays(u.last_login) > 35 && ageDays(u.last_login) <= 45,
          (u) => ageDays(u.last_login) <= 35,
        ),
        // A user who never logged in is inactive once its documented `changed` date is older than the threshold.
        'inactive-account never': both(
          human.filter((u) => u.last_login === null),
          (u) => ageDays(u.changed) > 90,
          (u) => ageDays(u.changed) <= 90,
        ),
        'deactivated-with-roles': both(
          users.filter((u) => !u.active),
          (u) => u.user_roles.length > 0,
          (u) => u.user_roles.length === 0,
        ),
        'privileged-without-mfa': both(
          users.filter(privileged),
          (u) => !u.mfa_enabled,
          (u) => u.mfa_enabled,
        ),
        'api-user-privileged': both(
          users.filter((u) => u.is_apiuser),
          privileged,
          (u) => !privileged(u),
        ),
        'external-domain apiweb': both(
          human,
          (u) => !u.email.endsWith('@acme-corp.example.com'),
          (u) => u.email.endsWith('@acme-corp.example.com'),
        ),
        'billing admins': both(
          users,
          (u) => u.is_billing_admin,
          (u) => !u.is_billing_admin,
        ),
      };
      const provisions = (await send(t, `/v1/org/${t.orgId}/provision`)).json as any[];
      rules['stale-provision'] = both(
        provisions,
        (p) => ageDays(p.created) > 30,
        (p) => ageDays(p.created) <= 30,
      );
      rules['pending-admin-provision'] = both(
        provisions,
        (p) => /admin/i.test(p.role),
        (p) => !/admin/i.test(p.role),
      );
      const members = (await allRest(t, `/rest/orgs/${t.orgId}/memberships?version=${GA}&limit=100`)).items.map(
        (m) => m.relationships.user.data,
      );
      rules['external-domain members'] = both(
        members,
        (m) => !m.attributes.email.endsWith('@acme-corp.example.com'),
        (m) => m.attributes.email.endsWith('@acme-corp.example.com'),
      );
      const from = new Date(now - 90 * DAY).toISOString();
      // Items name no user (REST spec): a member's last event comes from the documented user_id filter.
      const lastSeen = new Map<string, number>();
      for (const m of members) {
        for (const events of ['', '&events=api.access']) {
          const q = `/rest/orgs/${t.orgId}/audit_logs/search?version=${GA}&from=${from}&user_id=${m.id}&size=1${events}`;
          const e = (await send(t, q)).json.data.items[0];
          if (e) lastSeen.set(m.id, Math.max(lastSeen.get(m.id) ?? 0, Date.parse(e.created)));
        }
      }
      const idle = (m: any, days: number) => (now - (lastSeen.get(m.id) ?? 0)) / DAY > days;
      rules['snyk-member-inactive 90'] = both(
        members,
        (m) => idle(m, 90),
        (m) => !idle(m, 90),
      );
      rules['snyk-member-inactive 45'] = both(
        members,
        (m) => idle(m, 45) && !idle(m, 90),
        (m) => !idle(m, 45),
      );
      for (const [rule, [pos, neg]] of Object.entries(rules)) {
        expect(pos, `${rule} positives`).toBeGreaterThan(0);
        expect(neg, `${rule} negatives`).toBeGreaterThan(0);
      }

      // Every label, role, team and target is held by some users and not by others.
      const count = async (q: string) => (await send(t, `/users/?${q}`)).json.count as number;
      const ids = (pick: (u: any) => string[]) => [...new Set(users.flatMap(pick))];
      const groups: [string, string[]][] = [
        ['label', ids((u) => u.labels.map((l: any) => l.id))],
        ['role', ids((u) => u.user_roles.map((r: any) => r.role.id))],
        ['team', ids((u) => u.user_roles.map((r: any) => r.scope.team?.id).filter(Boolean))],
        ['target', ids((u) => u.user_roles.map((r: any) => r.scope.target?.id).filter(Boolean))],
      ];
      for (const [name, values] of groups) {
        expect(values.length, name).toBeGreaterThan(1);
        for (const id of values) {
          const n = await count(`${name}=${id}`);
          expect(n, `${name}=${id}`).toBeGreaterThan(0);
          expect(n).toBeLessThan(users.length);
        }
      }
      for (const flag of ['active', 'mfa_enabled', 'account', 'no_access']) {
        expect(await count(`${flag}=true`), flag).toBeGreaterThan(0);
        expect(await count(`${flag}=false`), flag).toBeGreaterThan(0);
      }
    } finally {
      await t.close();
    }
  });
});
