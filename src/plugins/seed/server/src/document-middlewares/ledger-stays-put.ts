/**
 * Accounts, entries, exchanges, memberships, the answers and flags of missions, and charters'
 * revisions, answers to them and versions, webhook deliveries, awards, outgoing messages and the
 * history of earning rules are written by the SEED services only (through the query engine, in their own transactions); any write
 * through the Document Service — the admin's Content Manager, super admins included, REST,
 * GraphQL, an API token — is refused. Some fields of other types likewise change only through
 * the services, which apply the rules that go with them: a member's state (activation pays the
 * starting grant), a campaign's seats taken, a mission's state (validation pays its reward) and
 * counters. The rest of those types stays editable in the admin.
 */
import type { Core, Modules } from '@strapi/strapi';
import { CodedError } from '../errors/codes';

const SERVICE_OWNED = new Set([
  'plugin::seed.account',
  'plugin::seed.entry',
  'plugin::seed.exchange',
  'plugin::seed.membership',
  'plugin::seed.mission-response',
  'plugin::seed.mission-flag',
  'api::charter-revision.charter-revision',
  'api::revision-consent.revision-consent',
  'api::charter-version.charter-version',
  'plugin::seed.earning-rule-change',
  'plugin::seed.webhook-event',
  'plugin::seed.award',
  'plugin::seed.outbox-message',
]);

const SERVICE_FIELDS: Record<string, { fields: string[]; how: string }> = {
  'plugin::seed.member': { fields: ['state'], how: 'A member’s state changes through the SEED services only (activateMember…).' },
  'api::membership-campaign.membership-campaign': { fields: ['taken'], how: 'Seats are taken by joining and freed by refunds, not edited.' },
  'plugin::seed.mission': { fields: ['state', 'responseCount', 'flagCount'], how: 'A mission moves through the SEED services only (validateMission…).' },
};

const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

export const keepLedgerReadOnly =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    if (SERVICE_OWNED.has(ctx.uid)) {
      throw new CodedError('NOT_ALLOWED', 'Accounts, entries, exchanges, memberships, answers to missions, charter revisions and versions, webhook deliveries, awards, outgoing messages and the history of earning rules are written by the SEED services only.');
    }
    const guarded = SERVICE_FIELDS[ctx.uid];
    const { data, documentId } = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const sent = guarded?.fields.filter((field) => data?.[field] !== undefined) ?? [];
    if (sent.length === 0) return next();
    // A form sends every field: only a changed value is refused. A new document starts from the defaults.
    const current: Record<string, unknown> | null = documentId
      ? await strapi.db.query(ctx.uid).findOne({ where: { documentId }, select: sent })
      : Object.fromEntries(sent.map((field) => [field, (strapi.getModel(ctx.uid).attributes as Record<string, { default?: unknown }>)[field]?.default]));
    const changed = sent.filter((field) => String(data![field]) !== String(current?.[field] ?? ''));
    if (changed.length > 0) {
      throw new CodedError('NOT_ALLOWED', guarded.how, {
        errors: changed.map((field) => ({ path: [field], message: 'changes through the SEED services only', name: 'ValidationError' })),
      });
    }
    return next();
  };
