/**
 * `GET /users/` query parameters (users-list docs) → a normalised query, or DRF-style field errors
 * (`{"length": ["Ensure this value is greater than or equal to 1."]}`, users-list docs). Unknown
 * parameters are ignored as DRF does; list parameters take repeated keys or comma-separated values.
 */
import type { ApiwebCatalog } from '../data/apiweb-catalog.ts';
import { queryList } from '../http/mock-request.ts';
import type { OrderingField, OrderingTerm, UserFilter } from './user-index.ts';
import { ORDERING_FIELDS } from './user-index.ts';
import { USER_FIELDS } from './user-serializer.ts';

export const DEFAULT_LENGTH = 10;
/** Larger lengths are clamped, as DRF's `max_page_size` does (the real maximum is undocumented). */
export const MAX_LENGTH = 1000;

export interface UsersQuery {
  filter: UserFilter;
  ordering: OrderingTerm[];
  exclude: Set<string>;
  page: number;
  length: number;
}

export type FieldErrors = Record<string, string[]>;

export interface ParseLeniency {
  /** Drift `users-length-zero-accepted`: `length` below 1 passes. */
  allowNonPositiveLength?: boolean;
  /** Realistic mode: `length` below 1 falls back to the default (DRF). */
  defaultNonPositiveLength?: boolean;
  /** Realistic mode: an unknown `ordering` field is ignored. */
  ignoreUnknownOrdering?: boolean;
}

const TRUE = new Set(['true', 'True', '1']);
const FALSE = new Set(['false', 'False', '0']);

function choiceError(value: string): string {
  return `Select a valid choice. ${value} is not one of the available choices.`;
}

export function parseUsersQuery(
  query: URLSearchParams,
  catalog: ApiwebCatalog,
  leniency: ParseLeniency = {},
): { ok: true; query: UsersQuery } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const integer = (name: string, fallback: number, min: number | undefined): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^[+-]?\d+$/.test(raw.trim())) {
      fail(name, 'A valid integer is required.');
      return fallback;
    }
    const value = Number.parseInt(raw, 10);
    if (min !== undefined && value < min) {
      fail(name, `Ensure this value is greater than or equal to ${min}.`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string): boolean | undefined => {
    const raw = query.get(name);
    if (raw === null || raw === '') return undefined;
    if (TRUE.has(raw)) return true;
    if (FALSE.has(raw)) return false;
    fail(name, 'Must be a valid boolean.');
    return undefined;
  };
  const ids = (name: string, items: readonly { id: string }[]): number[] =>
    queryList(query, name).map((id) => items.findIndex((item) => item.id === id));

  const page = integer('page', 1, 1);
  const rawLength = integer('length', DEFAULT_LENGTH, leniency.allowNonPositiveLength || leniency.defaultNonPositiveLength ? undefined : 1);
  const length = Math.min(leniency.defaultNonPositiveLength && rawLength < 1 ? DEFAULT_LENGTH : rawLength, MAX_LENGTH);

  const operator = query.get('label_logical_operator');
  if (operator !== null && operator !== '' && operator !== 'and' && operator !== 'or') {
    fail('label_logical_operator', choiceError(operator));
  }

  const ordering: OrderingTerm[] = [];
  for (const term of queryList(query, 'ordering')) {
    const desc = term.startsWith('-');
    const field = desc ? term.slice(1) : term;
    if ((ORDERING_FIELDS as readonly string[]).includes(field)) ordering.push({ field: field as OrderingField, desc });
    else if (!leniency.ignoreUnknownOrdering) fail('ordering', choiceError(term));
  }

  const exclude = new Set<string>();
  for (const field of queryList(query, 'exclude')) {
    if ((USER_FIELDS as readonly string[]).includes(field)) exclude.add(field);
    else fail('exclude', choiceError(field));
  }

  const search = query.get('search')?.trim();
  const filter: UserFilter = {
    labels: ids('label', catalog.labels),
    labelAnd: operator === 'and',
    roles: ids('role', catalog.roles),
    teams: ids('team', catalog.teams),
    targets: ids('target', catalog.targets),
    excludeTeams: ids('exclude_team', catalog.teams),
    excludeTargets: ids('exclude_target', catalog.targets),
  };
  const account = bool('account');
  const active = bool('active');
  const mfaEnabled = bool('mfa_enabled');
  const noAccess = bool('no_access');
  if (account !== undefined) filter.account = account;
  if (active !== undefined) filter.active = active;
  if (mfaEnabled !== undefined) filter.mfaEnabled = mfaEnabled;
  if (noAccess !== undefined) filter.noAccess = noAccess;
  if (search) filter.search = search;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, query: { filter, ordering, exclude, page, length } };
}
