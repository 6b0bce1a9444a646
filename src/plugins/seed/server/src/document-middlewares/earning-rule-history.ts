/**
 * Every change of an earning rule is kept — who, when, the rule before and after — whoever makes
 * it (the admin's Content Manager, a script): rules decide who earns what, so staff can always
 * tell why a member earned what they did.
 */
import type { Core, Modules } from '@strapi/strapi';

const RULE = 'plugin::seed.earning-rule';
const CHANGE = 'plugin::seed.earning-rule-change';
const RULES_TABLE = 'earning_rules';
const CHANGES = new Set(['create', 'update', 'delete']);

interface Requester {
  state?: { user?: { id?: number; email?: string }; auth?: { strategy?: { name?: string } } };
}

/** An admin user by email, a content-API user by id, or the system (scripts, bootstrap). */
const whoOf = (request: Requester | undefined): string => {
  const user = request?.state?.user;
  if (!user) return 'system';
  return request?.state?.auth?.strategy?.name === 'admin' ? `admin:${user.email}` : `user:${user.id}`;
};

const ruleState = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(RULE).findOne({
    where: { documentId },
    select: ['eventType', 'description', 'points', 'enabled', 'period', 'maxAwards', 'maxPoints', 'requiresApproval'],
    populate: { pointType: { select: ['code'] } },
  }) as Promise<(Record<string, unknown> & { pointType: { code: string } | null }) | null>;

const plain = (rule: (Record<string, unknown> & { pointType: { code: string } | null }) | null) => (rule ? { ...rule, pointType: rule.pointType?.code ?? null } : null);

export const keepEarningRuleHistory =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== RULE || !CHANGES.has(ctx.action)) return next();
    // One transaction (the Document Service's own joins it): no change without its history. The
    // rule's rows are locked first, so two edits at once each record what the other left.
    return strapi.db.transaction(async ({ trx }) => {
      const { documentId } = ctx.params as { documentId?: string };
      if (documentId) await strapi.db.connection(RULES_TABLE).transacting(trx).where({ document_id: documentId }).forUpdate().select('id');
      const before = documentId ? plain(await ruleState(strapi, documentId)) : null;
      const result = await next();
      const changed = documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!changed) return result;
      const after = ctx.action === 'delete' ? null : plain(await ruleState(strapi, changed));
      await strapi.db.query(CHANGE).create({
        data: { ruleDocumentId: changed, action: ctx.action, changedBy: whoOf(strapi.requestContext.get() as Requester | undefined), before, after },
      });
      return result;
    });
  };
