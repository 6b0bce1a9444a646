/**
 * Accounts, entries, exchanges and memberships are written by the SEED services only (through the query
 * engine, in their own transactions); any write through the Document Service — the admin's Content
 * Manager, super admins included, REST, GraphQL, an API token — is refused. A member's state
 * likewise changes only through the SEED services (activation pays the starting grant), and so
 * does the count of a campaign's seats taken.
 */
import type { Core, Modules } from '@strapi/strapi';
import { CodedError } from '../errors/codes';

const LEDGER = new Set(['api::account.account', 'api::entry.entry', 'api::exchange.exchange', 'api::membership.membership']);
const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

export const keepLedgerReadOnly =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    if (LEDGER.has(ctx.uid)) {
      throw new CodedError('NOT_ALLOWED', 'Accounts, entries, exchanges and memberships are written by the SEED services only.');
    }
    if (ctx.uid === 'api::membership-campaign.membership-campaign' && (ctx.params as { data?: { taken?: unknown } }).data?.taken !== undefined) {
      const { data, documentId } = ctx.params as { data: { taken: unknown }; documentId?: string };
      const current = documentId
        ? ((await strapi.db.query(ctx.uid).findOne({ where: { documentId }, select: ['taken'] })) as { taken: number } | null)?.taken
        : 0;
      if (Number(data.taken) !== Number(current ?? 0)) {
        throw new CodedError('NOT_ALLOWED', 'Seats are taken by joining and freed by refunds, not edited.', {
          errors: [{ path: ['taken'], message: 'counted by the SEED services only', name: 'ValidationError' }],
        });
      }
    }
    if (ctx.uid === 'api::member.member') {
      const { data, documentId } = ctx.params as { data?: { state?: string }; documentId?: string };
      const requested = data?.state;
      const current = documentId
        ? ((await strapi.db.query('api::member.member').findOne({ where: { documentId }, select: ['state'] })) as { state: string } | null)?.state
        : 'applicant';
      if (requested !== undefined && requested !== current) {
        throw new CodedError('NOT_ALLOWED', 'A member’s state changes through the SEED services only (activateMember…).', {
          errors: [{ path: ['state'], message: 'changes through the SEED services only', name: 'ValidationError' }],
        });
      }
    }
    return next();
  };
