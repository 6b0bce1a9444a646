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
import { OWNED_TYPES, isServiceWritten } from '../manifest';


const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

export const keepLedgerReadOnly =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    if (isServiceWritten(ctx.uid)) {
      throw new CodedError('NOT_ALLOWED', 'Accounts, entries, exchanges, memberships, answers to missions, charter revisions and versions, webhook deliveries, awards, outgoing messages and the history of earning rules are written by the SEED services only.');
    }
    const guarded = OWNED_TYPES[ctx.uid]?.serviceFields;
    const { data, documentId } = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    if (!guarded) return next();
    const sent = guarded.fields.filter((field) => data?.[field] !== undefined);
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
