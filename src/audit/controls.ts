/**
 * The reviewed framework-control table. Every control a rule may cite is here once, with its exact id, its
 * title and its wording as published (CIS Controls v8, NIST SP 800-53 r5 with FedRAMP values, PCI DSS v4.0.1, ISO/IEC 27001:2022, SOC 2;
 * docs/sources.md).
 * Rules refer to controls by key and say whether the rule tests the control itself (`direct`) or gives
 * evidence towards it (`supporting`). Changing this table is a reviewed change: test/audit/catalog.test.ts
 * pins the allowed ids.
 */
import type { Control } from '../model/results.ts';

export const FRAMEWORKS = {
  cis: 'CIS Controls v8',
  soc2: 'SOC 2',
  iso: 'ISO/IEC 27001:2022',
  nist: 'NIST SP 800-53 Rev. 5',
  pci: 'PCI DSS v4.0.1',
} as const;

export interface ControlDefinition {
  framework: (typeof FRAMEWORKS)[keyof typeof FRAMEWORKS];
  id: string;
  title: string;
  /** The control's wording (exact or near-exact, from the framework's text). */
  text: string;
}

export const CONTROLS = {
  'cis-5.1': {
    framework: FRAMEWORKS.cis,
    id: '5.1',
    title: 'Establish and Maintain an Inventory of Accounts',
    text: 'Establish and maintain an inventory of all accounts managed in the enterprise. … Validate that all active accounts are authorized, on a recurring schedule at a minimum quarterly, or more frequently.',
  },
  'cis-5.3': {
    framework: FRAMEWORKS.cis,
    id: '5.3',
    title: 'Disable Dormant Accounts',
    text: 'Delete or disable any dormant accounts after a period of 45 days of inactivity, where supported.',
  },
  'cis-6.1': {
    framework: FRAMEWORKS.cis,
    id: '6.1',
    title: 'Establish an Access Granting Process',
    text: 'Establish and follow a process, preferably automated, for granting access to enterprise assets upon new hire, rights grant, or role change of a user.',
  },
  'cis-6.2': {
    framework: FRAMEWORKS.cis,
    id: '6.2',
    title: 'Establish an Access Revoking Process',
    text: '…for revoking access to enterprise assets, through disabling accounts immediately upon termination, rights revocation, or role change of a user.',
  },
  'cis-6.3': {
    framework: FRAMEWORKS.cis,
    id: '6.3',
    title: 'Require MFA for Externally-Exposed Applications',
    text: 'Require all externally-exposed enterprise or third-party applications to enforce MFA, where supported. Enforcing MFA through a directory service or SSO provider is a satisfactory implementation of this Safeguard.',
  },
  'cis-6.5': {
    framework: FRAMEWORKS.cis,
    id: '6.5',
    title: 'Require MFA for Administrative Access',
    text: 'Require MFA for all administrative access accounts, where supported, on all enterprise assets, whether managed on-site or through a third-party provider.',
  },
  'soc2-cc6.1': {
    framework: FRAMEWORKS.soc2,
    id: 'CC6.1',
    title: 'Logical access security',
    text: "The entity implements logical access security software, infrastructure, and architectures over protected information assets to protect them from security events to meet the entity's objectives.",
  },
  'soc2-cc6.2': {
    framework: FRAMEWORKS.soc2,
    id: 'CC6.2',
    title: 'Registration / removal',
    text: 'Prior to issuing system credentials and granting system access, the entity registers and authorizes new internal and external users whose access is administered by the entity. For those users whose access is administered by the entity, user system credentials are removed when user access is no longer authorized.',
  },
  'soc2-cc6.3': {
    framework: FRAMEWORKS.soc2,
    id: 'CC6.3',
    title: 'Role-based authorization',
    text: 'The entity authorizes, modifies, or removes access to data, software, functions, and other protected information assets based on roles, responsibilities, or the system design and changes, giving consideration to the concepts of least privilege and segregation of duties…',
  },
  'iso-5.15': {
    framework: FRAMEWORKS.iso,
    id: 'A.5.15',
    title: 'Access control',
    text: 'Rules to control physical and logical access to information and other associated assets shall be established and implemented based on business and information security requirements.',
  },
  'iso-5.16': {
    framework: FRAMEWORKS.iso,
    id: 'A.5.16',
    title: 'Identity management',
    text: 'The full life cycle of identities shall be managed.',
  },
  'iso-5.18': {
    framework: FRAMEWORKS.iso,
    id: 'A.5.18',
    title: 'Access rights',
    text: "Access rights to information and other associated assets shall be provisioned, reviewed, modified and removed in accordance with the organization's topic-specific policy on and rules for access control.",
  },
  'iso-8.2': {
    framework: FRAMEWORKS.iso,
    id: 'A.8.2',
    title: 'Privileged access rights',
    text: 'The allocation and use of privileged access rights shall be restricted and managed.',
  },
  'iso-8.5': {
    framework: FRAMEWORKS.iso,
    id: 'A.8.5',
    title: 'Secure authentication',
    text: 'Secure authentication technologies and procedures shall be implemented based on information access restrictions and the topic-specific policy on access control.',
  },
  'nist-ac-2': {
    framework: FRAMEWORKS.nist,
    id: 'AC-2',
    // The text quotes AC-2 (h) and (j) only; the control's own title is "Account Management".
    title: 'Account Management',
    text: 'Review accounts for compliance with account management requirements (FedRAMP: quarterly for privileged access, annually for non-privileged); notify account managers when accounts are no longer required.',
  },
  'nist-ac-2(3)': {
    framework: FRAMEWORKS.nist,
    id: 'AC-2(3)',
    title: 'Disable Accounts',
    text: 'Disable accounts within [Assignment: organization-defined time period] when the accounts: (a) Have expired; (b) Are no longer associated with a user or individual; (c) Are in violation of organizational policy; or (d) Have been inactive for [Assignment: organization-defined time period].',
  },
  'nist-ac-6': {
    framework: FRAMEWORKS.nist,
    id: 'AC-6',
    title: 'Least Privilege',
    text: 'Employ the principle of least privilege, allowing only authorized accesses for users (or processes acting on behalf of users) that are necessary to accomplish assigned organizational tasks.',
  },
  'nist-ia-2(1)': {
    framework: FRAMEWORKS.nist,
    id: 'IA-2(1)',
    title: 'MFA to privileged accounts',
    text: 'Implement multi-factor authentication for access to privileged accounts.',
  },
  'nist-ia-2(2)': {
    framework: FRAMEWORKS.nist,
    id: 'IA-2(2)',
    title: 'MFA to non-privileged accounts',
    text: 'Implement multi-factor authentication for access to non-privileged accounts.',
  },
  'pci-8.2.6': {
    framework: FRAMEWORKS.pci,
    id: '8.2.6',
    title: 'Inactive accounts',
    text: 'Inactive user accounts are removed or disabled within 90 days of inactivity.',
  },
  'pci-8.4.1': {
    framework: FRAMEWORKS.pci,
    id: '8.4.1',
    title: 'MFA, admin',
    text: 'MFA is implemented for all non-console access into the CDE for personnel with administrative access.',
  },
  'pci-8.4.2': {
    framework: FRAMEWORKS.pci,
    id: '8.4.2',
    title: 'MFA, all CDE access',
    text: 'MFA is implemented for all non-console access into the CDE.',
  },
} as const satisfies Record<string, ControlDefinition>;

export type ControlKey = keyof typeof CONTROLS;

/** The control ids each framework may be cited with (issue 6). A rule citing anything else is a bug. */
export const ALLOWED_CONTROL_IDS: Readonly<Record<string, readonly string[]>> = {
  [FRAMEWORKS.cis]: ['5.1', '5.3', '6.1', '6.2', '6.3', '6.5'],
  [FRAMEWORKS.soc2]: ['CC6.1', 'CC6.2', 'CC6.3'],
  [FRAMEWORKS.iso]: ['A.5.15', 'A.5.16', 'A.5.18', 'A.8.2', 'A.8.5'],
  [FRAMEWORKS.nist]: ['AC-2', 'AC-2(3)', 'AC-6', 'IA-2(1)', 'IA-2(2)'],
  [FRAMEWORKS.pci]: ['8.2.6', '8.4.1', '8.4.2'],
};

/** A control citation for a rule: the reviewed table's framework, id and title, plus the relation. */
export function control(key: ControlKey, relation: Control['relation']): Control {
  const def: ControlDefinition = CONTROLS[key];
  return { framework: def.framework, id: def.id, title: def.title, relation };
}
