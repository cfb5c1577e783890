/* Generated from schemas/policy.schema.json by `npm run gen:types`. Do not edit. */

/**
 * inactivity threshold: cis-v8 45 days, pci-dss-4 90, disa-stig 35, fedramp-moderate 90
 *
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "Profile".
 */
export type Profile = 'cis-v8' | 'pci-dss-4' | 'disa-stig' | 'fedramp-moderate';
/**
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "NamedAccount".
 */
export type NamedAccount = {
  /**
   * user id or email (emails compare case-insensitively)
   */
  subject?: string;
  /**
   * a regular expression matched (whole, case-insensitive) against the id and the email
   */
  subjectPattern?: string;
  reason: string;
  owner: string;
  ticket?: string;
  /**
   * rules the account is exempt from; default depends on the list
   *
   * @minItems 1
   */
  rules?: [RuleId, ...RuleId[]];
  expires?: Date;
} & NamedAccount1;
/**
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "RuleId".
 */
export type RuleId =
  | 'mfa-disabled'
  | 'inactive-account'
  | 'deactivated-with-roles'
  | 'stale-provision'
  | 'privileged-without-mfa'
  | 'api-user-privileged'
  | 'pending-admin-provision'
  | 'external-domain'
  | 'snyk-member-inactive'
  | 'too-many-billing-admins';
/**
 * YYYY-MM-DD; valid through the end of that day (UTC)
 *
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "Date".
 */
export type Date = string;
export type NamedAccount1 = {
  [k: string]: unknown;
};
/**
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "Exemption".
 */
export type Exemption = {
  /**
   * user id or email (emails compare case-insensitively)
   */
  subject?: string;
  /**
   * a regular expression matched (whole, case-insensitive) against the id and the email
   */
  subjectPattern?: string;
  rule: RuleId;
  reason: string;
  owner: string;
  ticket: string;
  expires: Date;
} & Exemption1;
export type Exemption1 = {
  [k: string]: unknown;
};
/**
 * This interface was referenced by `AuditPolicy`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * The audit policy (--policy FILE, YAML or JSON): thresholds, framework profiles, allowed email domains, break-glass and service accounts, exemptions with expiry, and per-rule settings. Precedence for a rule parameter: built-in default < strictest profile < thresholds < rules.<id>.parameters.
 */
export interface AuditPolicy {
  $schema?: string;
  /**
   * policy format version
   */
  version?: 1;
  profile?: Profile;
  /**
   * several profiles: the strictest threshold wins
   */
  profiles?: Profile[];
  thresholds?: {
    /**
     * inactive-account.maxInactiveDays, and snyk-member-inactive unless memberInactiveDays is set
     */
    inactiveDays?: number;
    /**
     * snyk-member-inactive.maxInactiveDays
     */
    memberInactiveDays?: number;
    /**
     * stale-provision.maxAgeDays
     */
    staleProvisionDays?: number;
    /**
     * too-many-billing-admins.maxBillingAdmins
     */
    maxBillingAdmins?: number;
  };
  /**
   * email domains of the organisation; each also allows its subdomains. Without it, external-domain is skipped.
   */
  allowedDomains?: string[];
  /**
   * custom role ids (rolePublicId) that grant admin rights, for pending-admin-provision
   */
  adminRolePublicIds?: string[];
  /**
   * emergency-access accounts; exempt by default from inactive-account and snyk-member-inactive
   */
  breakGlass?: NamedAccount[];
  /**
   * non-human accounts; exempt by default from mfa-disabled, inactive-account and snyk-member-inactive
   */
  serviceAccounts?: NamedAccount[];
  exemptions?: Exemption[];
  rules?: {
    'mfa-disabled'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'inactive-account'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {
        maxInactiveDays?: number;
      };
    };
    'deactivated-with-roles'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'stale-provision'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {
        maxAgeDays?: number;
      };
    };
    'privileged-without-mfa'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'api-user-privileged'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'pending-admin-provision'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'external-domain'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {};
    };
    'snyk-member-inactive'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {
        maxInactiveDays?: number;
      };
    };
    'too-many-billing-admins'?: {
      /**
       * false turns the rule off; its result is then skipped
       */
      enabled?: boolean;
      severity?: Severity;
      parameters?: {
        maxBillingAdmins?: number;
      };
    };
  };
}
