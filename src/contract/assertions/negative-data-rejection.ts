/** What negative_data_rejection asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const negativeDataRejectionAssertions: readonly Assertion[] = [
  documented(
    'refuse-invalid',
    'A request made invalid in exactly one documented component is answered with a 4xx.',
    SOURCES.restSpec,
    'limit: minimum 10, maximum 100, multipleOf 10; events "cannot be used in conjunction with exclude_events parameter"; version required',
  ),
  assumed(
    'provision-email-format',
    'DELETE provision with an email parameter that is not an email address is refused with a 4xx.',
    'the docs say only "email (string) - The email of the user."; refusing a malformed one rather than finding no provision is our reading',
  ),
  assumed(
    'apiweb-length-bounds',
    'API & Web GET /users/ refuses length=0 and negative lengths with a 4xx.',
    'the docs say only "Number of results to return per page"; Django REST framework falls back to the default page size',
  ),
];
