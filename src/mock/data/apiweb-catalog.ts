/**
 * The API & Web account's catalogue: roles, labels, teams and targets that users refer to by Base58 id
 * (users-list docs: "A unique Base58 value identifying this object").
 */
import { Rng } from '../random.ts';
import { HOSTILE_LABELS } from './hostile.ts';
import { APIWEB_ROLES, LABELS, TARGET_HOSTS, TEAMS } from './names.ts';

export interface ApiwebRole {
  index: number;
  id: string;
  name: string;
  /** Whether the role is administrative (an account-tier admin is "privileged" for the audit). */
  admin: boolean;
}

export interface ApiwebLabel {
  index: number;
  id: string;
  name: string;
  /** Optional in users-list docs; omitted for one label. */
  color?: string;
}

export interface ApiwebNamed {
  index: number;
  id: string;
  name: string;
}

export interface ApiwebCatalog {
  roles: readonly ApiwebRole[];
  labels: readonly ApiwebLabel[];
  teams: readonly ApiwebNamed[];
  targets: readonly ApiwebNamed[];
}

export function generateApiwebCatalog(seed: number, hostile: boolean): ApiwebCatalog {
  const rng = new Rng(seed, 'apiweb-catalog');
  const roles = APIWEB_ROLES.map((r, index) => ({ index, id: rng.base58(), name: r.name, admin: r.admin }));
  const labels = LABELS.map((l, index): ApiwebLabel => {
    const name = hostile && index % 3 === 1 ? (HOSTILE_LABELS[(index - 1) / 3] ?? l.name) : l.name;
    const label: ApiwebLabel = { index, id: rng.base58(), name };
    if (l.color !== '') label.color = l.color;
    return label;
  });
  const teams = TEAMS.map((name, index) => ({ index, id: rng.base58(), name }));
  const targets = TARGET_HOSTS.map((host, index) => ({
    index,
    id: rng.base58(),
    name: hostile && index === 2 ? HOSTILE_LABELS[0] : `https://${host}.acme-corp.example.com`,
  }));
  return { roles, labels, teams, targets };
}
