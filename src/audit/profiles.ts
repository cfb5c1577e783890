/**
 * Built-in framework profiles: the inactivity threshold each framework sets (CIS v8 5.3: 45 days;
 * PCI DSS 8.2.6 and FedRAMP Moderate AC-2(3): 90 days; DISA STIG: 35 days). With several profiles the strictest (smallest) threshold applies.
 */
export type ProfileId = 'cis-v8' | 'pci-dss-4' | 'disa-stig' | 'fedramp-moderate';

export interface Profile {
  id: ProfileId;
  title: string;
  /** Days of inactivity after which an account must be disabled. */
  inactiveDays: number;
  source: string;
}

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  'cis-v8': {
    id: 'cis-v8',
    title: 'CIS Controls v8',
    inactiveDays: 45,
    source: 'CIS Controls v8 5.3: "Delete or disable any dormant accounts after a period of 45 days of inactivity"',
  },
  'pci-dss-4': {
    id: 'pci-dss-4',
    title: 'PCI DSS v4.0.1',
    inactiveDays: 90,
    source: 'PCI DSS v4.0.1 8.2.6: "Inactive user accounts are removed or disabled within 90 days of inactivity"',
  },
  'disa-stig': {
    id: 'disa-stig',
    title: 'DISA STIG (Okta IDaaS OKTA-APP-000090)',
    inactiveDays: 35,
    source: 'DISA Okta IDaaS STIG OKTA-APP-000090: 35 days',
  },
  'fedramp-moderate': {
    id: 'fedramp-moderate',
    title: 'FedRAMP Moderate',
    inactiveDays: 90,
    source: 'FedRAMP Moderate AC-2(3): disable accounts inactive for 90 days',
  },
};

/** The strictest inactivity threshold of the given profiles, or undefined for none. */
export function strictestInactiveDays(ids: readonly ProfileId[]): number | undefined {
  const days = ids.map((id) => PROFILES[id].inactiveDays);
  return days.length > 0 ? Math.min(...days) : undefined;
}
