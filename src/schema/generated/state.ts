/* Generated from schemas/state.schema.json by `npm run gen:types`. Do not edit. */

/**
 * The last-seen state a nightly audit keeps between runs, so that inactivity beyond the audit logs' 90-day retention can be shown. Per identity: the last activity seen and where. auditLog.since..until is the continuous window in which every audit-log event of the audited orgs has been read.
 */
export interface LastSeenState {
  version: 1;
  updatedAt: string;
  auditLog?: {
    since: string;
    until: string;
    orgIds?: string[];
  };
  /**
   * keyed by `snyk-user:<user id>` or `apiweb-user:<user id>`
   */
  identities: {
    [k: string]: {
      lastSeen: string;
      /**
       * the operation the activity was seen in
       */
      source: string;
      event?: string;
    };
  };
}
