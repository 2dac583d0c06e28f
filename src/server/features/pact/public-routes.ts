import { LinkPact, LinkSignBody, Signature, TokenParams } from '../../../contracts/pact.ts';
import type { AppDeps } from '../../http/deps.ts';
import { defineRoute, type AnyRouteSpec } from '../../http/route.ts';
import { currentDocument } from './current-document.ts';
import { openLink } from './open-link.ts';
import { presentSignature } from './present-signature.ts';
import { signWithLink } from './sign-with-link.ts';

const tags = ['pact'];

/**
 * The public side of a one-time signing link: read the pact, then sign once. The token in the URL is the
 * only credential; it is stored hashed, and both routes are rate limited per address like the login.
 */
export const pactPublicRoutes = (deps: AppDeps): AnyRouteSpec[] => {
  const rateLimit = { max: deps.config.login.ratePerMinute, timeWindowMs: 60_000 };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/public/pact-links/:token',
      summary: 'What a signing link opens: the unit, whose link it is, and the pact text with its hash',
      tags,
      access: { kind: 'public' },
      rateLimit,
      schema: { params: TokenParams, response: { 200: LinkPact } },
      handler: async (req, reply) => {
        const { link, employee, unit } = await openLink(deps.db, req.params.token, deps.now());
        void reply.header('cache-control', 'no-store');
        return {
          unitName: unit.name,
          employeeName: employee.name,
          document: await currentDocument(deps.db, unit),
          expiresAt: link.expiresAt.toISOString(),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/public/pact-links/:token/signature',
      summary: 'Sign the pact through a one-time link (a second use is 409 SIGNING_LINK_USED)',
      tags,
      access: { kind: 'public' },
      skipCsrf: true,
      rateLimit,
      schema: { params: TokenParams, body: LinkSignBody, response: { 201: Signature } },
      handler: async (req, reply) => {
        const signature = await deps.db.transaction((tx) =>
          signWithLink(tx, {
            token: req.params.token,
            documentSha256: req.body.documentSha256,
            ip: req.ip ?? null,
            now: deps.now(),
          }),
        );
        return reply.code(201).send(presentSignature(signature));
      },
    }),
  ];
};
