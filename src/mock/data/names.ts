/**
 * Word lists for realistic, seeded people and objects. Example domains only (RFC 2606 `.example`
 * names and `example.com/.net/.org`), so no generated address can reach a real mailbox.
 */
export const FIRST_NAMES = [
  'Ana',
  'Bo',
  'Carla',
  'Dmitri',
  'Elif',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Nadia',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Aiko',
  'Bruno',
  'Chloe',
  'Diego',
  'Emeka',
  'Freya',
  'Gustav',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lucia',
  'Malik',
  'Noor',
  'Oskar',
  'Paula',
  'Rafael',
  'Saanvi',
  'Tomas',
  'Ulla',
  'Vera',
  'Wiktor',
  'Yara',
  'Zane',
] as const;

export const LAST_NAMES = [
  'Almeida',
  'Berg',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Ueda',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Andersen',
  'Byrne',
  'Costa',
  'Dimitrov',
  'Esposito',
  'Novak',
  'Silva',
  'Murphy',
  'Kim',
  'Lopez',
  'Singh',
  'Haddad',
  'Mensah',
  'Oliveira',
] as const;

/** The company's own domain: `external-domain` negatives. */
export const COMPANY_DOMAIN = 'acme-corp.example.com';
/** Addresses outside the company: `external-domain` positives (contractors, personal mail). */
export const EXTERNAL_DOMAINS = ['contractor.example.net', 'mail.example.org', 'partner-agency.example'] as const;
/** Where API & Web API users (apps, not people) get their addresses. */
export const API_USER_DOMAIN = 'apps.acme-corp.example.com';

export const LABELS = [
  { name: 'appsec', color: '#00FF00' },
  { name: 'contractor', color: '#FF8800' },
  { name: 'payments', color: '#0055FF' },
  { name: 'mobile', color: '#AA00AA' },
  { name: 'platform', color: '#333333' },
  { name: 'emea', color: '#00AAAA' },
  { name: 'on-call', color: '#FF0000' },
  { name: 'audit-2024', color: '' },
] as const;

export const TEAMS = ['Payments', 'Mobile', 'Platform', 'Data', 'Growth', 'Security'] as const;

export const TARGET_HOSTS = [
  'shop',
  'api',
  'admin',
  'checkout',
  'auth',
  'cdn',
  'partners',
  'status',
  'billing',
  'docs',
  'mobile-api',
  'search',
] as const;

/**
 * API & Web roles (users-list docs: `user_roles[].role` is `{id, name}`; scope tiers account/team/scope). `admin`
 * marks the roles the audit treats as privileged at the account tier.
 */
export const APIWEB_ROLES = [
  { name: 'Admin', admin: true },
  { name: 'Scan Manager', admin: false },
  { name: 'Developer', admin: false },
  { name: 'Viewer', admin: false },
  { name: 'Team Admin', admin: false },
  { name: 'Target Operator', admin: false },
] as const;

export const TITLES = ['ceo', 'cto', 'cso', 'seceng', 'dev', 'devop', 'manager', 'other', ''] as const;

/** Snyk organizations in the group; the first is the org under test. */
export const ORG_NAMES = ['Acme Main', 'Acme Platform', 'Acme Mobile'] as const;
export const GROUP_NAME = 'Acme Corp';

/** Snyk default roles (v1 `GET /group/{groupId}/roles` example names) plus one custom role. */
export const GROUP_ROLE_NAMES = ['Group Admin', 'Group Member', 'Group Viewer'] as const;
export const ORG_ROLE_NAMES = [
  'Org Admin',
  'Org Collaborator',
  'Org Restricted Collaborator',
  'Security Champion',
] as const;

/** v1 provision `role` values (provision docs, spec: "Must be one of ADMIN, COLLABORATOR, or RESTRICTED_COLLABORATOR"). */
export const PROVISION_ROLES = ['ADMIN', 'COLLABORATOR', 'RESTRICTED_COLLABORATOR'] as const;
export type ProvisionRole = (typeof PROVISION_ROLES)[number];
/** The org role each legacy provision role stands for. */
export const PROVISION_ROLE_TO_ORG_ROLE: Readonly<Record<ProvisionRole, (typeof ORG_ROLE_NAMES)[number]>> = {
  ADMIN: 'Org Admin',
  COLLABORATOR: 'Org Collaborator',
  RESTRICTED_COLLABORATOR: 'Org Restricted Collaborator',
};

export const LOGIN_METHODS = ['saml', 'saml', 'saml', 'saml', 'google', 'github', 'password'] as const;
