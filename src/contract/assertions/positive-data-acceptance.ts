/** What positive_data_acceptance asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const positiveDataAcceptanceAssertions: readonly Assertion[] = [
  documented(
    'accept-valid',
    'A request valid by every documented rule is answered with a success (or the non-success its case documents).',
    SOURCES.provisionDocs,
    'You can use the endpoint Provision a user to the organizaton to provision a user to the specified Organization with a role.',
  ),
  assumed(
    'delete-absent-404',
    'DELETE of an address with no pending provision answers 404.',
    'the v1 docs list 200 {ok} and 403 only; nothing says 404, and the spec\'s example is {"ok": false}',
  ),
];
