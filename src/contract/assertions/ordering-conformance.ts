/** What ordering_conformance asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const orderingConformanceAssertions: readonly Assertion[] = [
  documented(
    'documented-order',
    'ordering=field / -field (API & Web), every documented sort_by (login_method included) + sort_order and their defaults (memberships), created order by sort_order (audit logs).',
    SOURCES.restSpec,
    'sort_order: "Order in which results are returned." enum ASC, DESC; ordering (API & Web): "Which field to use when ordering the results."',
  ),
  assumed(
    'apiweb-orderable-fields',
    'API & Web ordering orders by at least one of the user fields tried.',
    'the docs do not say which fields ordering accepts, nor what an unknown ordering value does',
  ),
];
