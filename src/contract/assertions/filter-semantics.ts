/** What filter_semantics asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const filterSemanticsAssertions: readonly Assertion[] = [
  documented(
    'filter-relations',
    'Every result satisfies its filter (audit logs: user_id and project_id included), nothing that satisfies it is left out, and active / mfa_enabled true and false partition the collection.',
    SOURCES.restSpec,
    'email: "Filter the response by Users that match the provided email"; user_id: "Filter logs by user ID."; from: "The start date (inclusive)"; to: "The end date (exclusive)"; "api.access" events are omitted from results unless explicitly requested using the events parameter',
  ),
  assumed(
    'account-no-access',
    'API & Web account and no_access select users with an account-tier role and users without a role, and true/false partition the users.',
    'the docs list account and no_access as booleans without a description',
  ),
  assumed(
    'audit-90-day-ceiling',
    'The audit-log search returns no event older than 90 days.',
    'the docs say "You can retrieve audit logs for the past 90 days": a floor, not a promise that older events are gone',
  ),
];
