/** What provision_lifecycle asserts. */
import { assumed, documented, SOURCES, type Assertion } from '../assertion.ts';

export const provisionLifecycleAssertions: readonly Assertion[] = [
  documented(
    'lifecycle-model',
    'Random POST / GET / DELETE sequences agree with the model: a provision is listed after POST and gone after DELETE; an existing member cannot be provisioned; deleting a pending provision answers {"ok": true}.',
    SOURCES.provisionDocs,
    'The user being provisioned must not already exist in the Snyk system.',
  ),
  assumed(
    'delete-absent-404',
    'DELETE of an address with no pending provision answers 404.',
    'the v1 docs list 200 {ok} and 403 only; nothing says 404, and the spec\'s example is {"ok": false}',
  ),
];
