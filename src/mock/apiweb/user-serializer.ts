/**
 * API & Web user JSON (users-list docs field order and shapes; saw-mcp for `user_roles`). Each user's JSON is built
 * on first use and cached by index, so a page is a join of cached strings. Field exclusion (`exclude`) and
 * the schema drifts build fresh objects instead.
 */
import { apiwebDate } from '../clock.ts';
import { Rng } from '../random.ts';
import type { ApiwebCatalog } from '../data/apiweb-catalog.ts';
import type { ApiwebLabelMeta, ApiwebStamp, ApiwebUser } from '../data/apiweb-users.ts';

export interface SerializeVariant {
  /** Top-level fields to leave out. */
  exclude?: ReadonlySet<string>;
  /** Drift `users-null-last-login-omitted`. */
  omitNullLastLogin?: boolean;
  /** Drift `users-missing-mfa-enabled`. */
  omitMfaEnabled?: boolean;
  /** Drift `users-invalid-changed-format`. */
  badChangedFormat?: boolean;
}

/** Top-level fields of a user, in the documented order: the values `exclude` accepts. */
export const USER_FIELDS = [
  'id',
  'email',
  'name',
  'title',
  'is_billing_admin',
  'changed_by',
  'changed',
  'active',
  'labels',
  'user_roles',
  'last_login',
  'is_apiuser',
  'mfa_enabled',
] as const;

function stampText(s: ApiwebStamp): string {
  return apiwebDate(s.micros, s.form, s.d7);
}

function usDate(s: ApiwebStamp): string {
  const d = new Date(Math.floor(s.micros / 1000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export class UserSerializer {
  readonly #users: readonly ApiwebUser[];
  readonly #catalog: ApiwebCatalog;
  readonly #labelMeta: readonly ApiwebLabelMeta[];
  readonly #cache = new Map<number, string>();
  readonly #labelJson: unknown[];
  readonly #seed: number;

  constructor(
    users: readonly ApiwebUser[],
    catalog: ApiwebCatalog,
    labelMeta: readonly ApiwebLabelMeta[],
    seed: number,
  ) {
    this.#seed = seed;
    this.#users = users;
    this.#catalog = catalog;
    this.#labelMeta = labelMeta;
    this.#labelJson = catalog.labels.map((l, i) => {
      const meta = labelMeta[i]!;
      const label: Record<string, unknown> = { id: l.id, name: l.name };
      if (l.color !== undefined) label.color = l.color;
      label.changed_by = this.#simpleUser(meta.changedBy);
      label.changed = stampText(meta.changed);
      return label;
    });
  }

  #simpleUser(index: number): Record<string, unknown> {
    const u = this.#users[index];
    // users-list docs: changed_by requires id and name; email is optional.
    if (!u) return { id: '111111111111', name: 'System' };
    return { id: u.id, email: u.email, name: u.name };
  }

  object(index: number, variant: SerializeVariant = {}): Record<string, unknown> {
    const u = this.#users[index]!;
    const c = this.#catalog;
    const obj: Record<string, unknown> = {
      id: u.id,
      email: u.email,
      name: u.name,
      title: u.title,
      is_billing_admin: u.isBillingAdmin,
      changed_by: this.#simpleUser(u.changedBy),
      changed: variant.badChangedFormat ? usDate(u.changed) : stampText(u.changed),
      active: u.active,
      labels: u.labels.map((l) => this.#labelJson[l]),
      user_roles: u.roles.map((r, k) => {
        const role = c.roles[r.role]!;
        const scope: Record<string, unknown> = { tier: r.tier };
        if (r.team !== undefined) scope.team = { id: c.teams[r.team]!.id, name: c.teams[r.team]!.name };
        if (r.target !== undefined) scope.target = { id: c.targets[r.target]!.id, name: c.targets[r.target]!.name };
        return {
          id: new Rng(this.#seed, `user-role:${u.id}:${k}`).base58(),
          role: { id: role.id, name: role.name },
          scope,
        };
      }),
      last_login: u.lastLogin === null ? null : stampText(u.lastLogin),
      is_apiuser: u.isApiuser,
      mfa_enabled: u.mfaEnabled,
    };
    if (variant.omitNullLastLogin && u.lastLogin === null) delete obj.last_login;
    if (variant.omitMfaEnabled) delete obj.mfa_enabled;
    if (variant.exclude) for (const f of variant.exclude) delete obj[f];
    return obj;
  }

  json(index: number, variant?: SerializeVariant): string {
    const plain =
      !variant ||
      (!variant.exclude?.size && !variant.omitNullLastLogin && !variant.omitMfaEnabled && !variant.badChangedFormat);
    if (!plain) return JSON.stringify(this.object(index, variant));
    let text = this.#cache.get(index);
    if (text === undefined) {
      text = JSON.stringify(this.object(index));
      this.#cache.set(index, text);
    }
    return text;
  }

  get labelMeta(): readonly ApiwebLabelMeta[] {
    return this.#labelMeta;
  }
}
