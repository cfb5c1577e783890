/** What not_a_server_error asserts (issue 13: each assertion with its basis). */
import { documented, SOURCES, type Assertion } from '../assertion.ts';

export const notAServerErrorAssertions: readonly Assertion[] = [
  documented(
    'no-5xx',
    'No request, valid or not, is answered with a 5xx status.',
    SOURCES.rfc9110,
    'The 5xx (Server Error) class of status code indicates that the server is aware that it has erred or is incapable of performing the requested method.',
  ),
];
