import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseSchema,
  ConsentBodySchema,
  ErrorResponseSchema,
  IdParamsSchema,
  PartnerReferralListQuerySchema,
  PartnerReferralListSchema,
  PartnerReferralSchema,
  ReasonBodySchema,
  ReferralBodySchema,
  ReferralResponseBodySchema,
  ReferralUpdateBodySchema,
  SubIdParamsSchema,
} from '@lykt/shared';
import type { Deps } from '../../platform/deps';
import { actorOf, requirePermission } from '../../platform/http/auth.plugin';
import {
  findPartnerReferrals,
  getPartnerReferral,
  recordConsent,
  respondToReferral,
  revokeReferral,
  sendReferral,
  updatePartnerReferral,
  withdrawConsent,
} from './referral.service';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
const tags = ['cases'];
const partnerTags = ['referrals'];

/** Consent and referrals on a case (case team) and the receiving partner's side. */
export function referralRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const write = requirePermission('cases:write');
    const respond = requirePermission('referrals:respond');

    app.post(
      '/cases/:id/consents',
      { schema: { tags, summary: 'Record consent per purpose (and per recipient and data categories for sharing)', params: IdParamsSchema, body: ConsentBodySchema, response: { 200: CaseSchema, ...errors } }, preValidation: write },
      async (request) => recordConsent(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/consents/:subId/withdrawal',
      { schema: { tags, summary: 'Withdraw a consent: dependent open referrals are revoked and the recipient loses the shared data', params: SubIdParamsSchema, response: { 200: CaseSchema, ...errors } }, preValidation: write },
      async (request) => withdrawConsent(deps, actorOf(request), request.params.id, request.params.subId),
    );
    app.post(
      '/cases/:id/referrals',
      { schema: { tags, summary: 'Refer to a partner: only data categories the consent covers, or a recorded legal basis (flagged)', params: IdParamsSchema, body: ReferralBodySchema, response: { 200: CaseSchema, ...errors } }, preValidation: write },
      async (request) => sendReferral(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/referrals/:subId/revocation',
      { schema: { tags, summary: 'Revoke a referral (the recipient loses the shared data)', params: SubIdParamsSchema, body: ReasonBodySchema, response: { 200: CaseSchema, ...errors } }, preValidation: write },
      async (request) => revokeReferral(deps, actorOf(request), request.params.id, request.params.subId, request.body.reason),
    );

    app.get(
      '/partner/referrals',
      { schema: { tags: partnerTags, summary: "Referrals to the partner user's organisation", querystring: PartnerReferralListQuerySchema, response: { 200: PartnerReferralListSchema, ...errors } }, preValidation: respond },
      async (request) => findPartnerReferrals(deps, actorOf(request), request.query),
    );
    app.get(
      '/partner/referrals/:id',
      { schema: { tags: partnerTags, summary: 'One referral with only the shared fields (audited on the case)', params: IdParamsSchema, response: { 200: PartnerReferralSchema, ...errors } }, preValidation: respond },
      async (request) => getPartnerReferral(deps, actorOf(request), request.params.id),
    );
    app.post(
      '/partner/referrals/:id/response',
      { schema: { tags: partnerTags, summary: 'Accept, or decline with a reason', params: IdParamsSchema, body: ReferralResponseBodySchema, response: { 200: PartnerReferralSchema, ...errors } }, preValidation: respond },
      async (request) => respondToReferral(deps, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/partner/referrals/:id/updates',
      { schema: { tags: partnerTags, summary: 'Send an update back to the case; optionally complete the referral', params: IdParamsSchema, body: ReferralUpdateBodySchema, response: { 200: PartnerReferralSchema, ...errors } }, preValidation: respond },
      async (request) => updatePartnerReferral(deps, actorOf(request), request.params.id, request.body),
    );
  };
}
