/** What use_after_free asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const useAfterFreeAssertions: readonly Assertion[] = [
  documented(
    'deleted-not-listed',
    'After DELETE ?email= succeeds, GET no longer lists the address.',
    SOURCES.provisionDocs,
    'Use the endpoint Delete pending user provision to remove a pending provision request.',
  ),
  assumed(
    'delete-again-404',
    'A second DELETE of the same address answers 404.',
    'the v1 docs list 200 {ok} and 403 only; nothing says 404, and the spec\'s example is {"ok": false}',
  ),
];
