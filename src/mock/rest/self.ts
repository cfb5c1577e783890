/** `GET /rest/self` (REST Users reference; spec `Principal20240422`): the token's owner as a JSON:API `user` resource. */
import type { MockResponse } from '../http/mock-response.ts';
import { Rng } from '../random.ts';
import { link, restDocument, type RestContext } from './rest-context.ts';

export function handleSelf(ctx: RestContext): MockResponse {
  const { self, snyk } = ctx.tenant;
  const id = ctx.drift('self-id-differs-from-org-user') ? new Rng(ctx.tenant.seed, 'self-drift').uuid() : self.id;
  const document: Record<string, unknown> = {
    jsonapi: { version: '1.0' },
    data: {
      type: 'user',
      id,
      attributes: {
        name: self.name,
        default_org_context: snyk.orgs[0]!.id,
        username: self.username,
        email: self.email,
        avatar_url: `https://avatars.acme-corp.example.com/u/${self.id}.png`,
      },
    },
    links: { self: link('/rest/self', [['version', ctx.resolution.requested]]) },
  };
  if (ctx.drift('self-missing-jsonapi')) delete document.jsonapi;
  return restDocument(ctx, 200, document);
}
