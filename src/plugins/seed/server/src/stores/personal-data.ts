/**
 * What is stored about one member across every aggregate: their row and user, the records tied to
 * them by a relation, the entries of their accounts. Read for the export, rewritten by erasure.
 * Lock contract: erasure locks the member's row first (MembersStore.lockErasure) and holds it
 * until commit; `replaceText` and `deleteUser` lock only the rows they write, in the erasure's
 * transaction, after the member's. Reads go through the Query Engine: it follows each type's
 * relation to the member whatever its storage (a column or, for the app's types, a link table),
 * and deletes a user's link rows (their role) with them.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const MEMBER = 'plugin::seed.member';
const USER = 'plugin::users-permissions.user';
const ENTRY = 'plugin::seed.entry';

export type Row = Record<string, unknown> & { id: number };

export interface MemberWithUser extends Row {
  documentId: string;
  erasedAt: string | null;
  user: ({ id: number } & Record<string, unknown>) | null;
}

export const personalDataStore = (strapi: Core.Strapi) => {
  const { db } = strapi;

  /** Every relation of a project content type that points at a member (other members' rows excepted: they are other people). */
  const relationsToMembers = () =>
    Object.entries(strapi.contentTypes).flatMap(([uid, model]) =>
      uid === MEMBER || !(uid.startsWith('api::') || uid.startsWith('plugin::seed.'))
        ? []
        : Object.entries(model.attributes as Record<string, { type: string; target?: string }>)
            .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === MEMBER)
            .map(([relation]) => ({ uid, relation, name: `${model.info.singularName}.${relation}` })),
    );

  /** Points are 64-bit integers, which the Query Engine reads as strings: the export gives the numbers they are. */
  const pointsAsNumbers = (uid: string, rows: Row[]): Row[] => {
    const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, { type: string }> }>)[uid].attributes;
    const points = Object.keys(attributes).filter((name) => attributes[name].type === 'biginteger');
    return rows.map((row) => ({ ...row, ...Object.fromEntries(points.filter((name) => row[name] != null).map((name) => [name, Number(row[name])])) }));
  };

  return {
    /** The member's row with their whole user, or null. */
    async member(documentId: string): Promise<MemberWithUser | null> {
      return (await db.query(MEMBER).findOne({ where: { documentId }, populate: { user: true } })) as MemberWithUser | null;
    },

    /** Every record tied to the member, by `<type>.<relation>`, oldest first. */
    async recordsOf(memberId: number): Promise<Record<string, Row[]>> {
      const records: Record<string, Row[]> = {};
      for (const { uid, relation, name } of relationsToMembers()) {
        records[name] = pointsAsNumbers(uid, (await db.query(uid as never).findMany({ where: { [relation]: { id: memberId } }, orderBy: { id: 'asc' } })) as Row[]);
      }
      return records;
    },

    /** The entries from or to these accounts, with both accounts' keys, oldest first. */
    async entriesOf(accountIds: number[]): Promise<unknown[]> {
      if (accountIds.length === 0) return [];
      const entries = await db.query(ENTRY).findMany({
        where: { $or: [{ fromAccount: { id: { $in: accountIds } } }, { toAccount: { id: { $in: accountIds } } }] },
        populate: { fromAccount: { select: ['key'] }, toAccount: { select: ['key'] } },
        orderBy: { id: 'asc' },
      });
      return pointsAsNumbers(ENTRY, entries as Row[]);
    },

    /** The ids of a type's records tied to the member through this relation (inside run(), read in its transaction). */
    async idsOf(uid: string, relation: string, memberId: number): Promise<number[]> {
      return ((await db.query(uid as never).findMany({ where: { [relation]: { id: memberId } }, select: ['id'] })) as Row[]).map((row) => row.id);
    },

    /** Replaces text fields of these records of a type, in one statement. */
    async replaceText(trx: Knex.Transaction, uid: string, ids: number[], values: Record<string, string | null>): Promise<void> {
      if (ids.length === 0) return;
      const meta = db.metadata.get(uid as never) as { tableName: string; attributes: Record<string, { columnName?: string }> };
      const columns = Object.fromEntries(Object.entries(values).map(([field, value]) => [meta.attributes[field]?.columnName ?? field, value]));
      await trx(meta.tableName).whereIn('id', ids).update({ ...columns, updated_at: new Date() });
    },

    /** Deletes a users-permissions user and their link rows (inside run(), in its transaction). */
    async deleteUser(userId: number): Promise<void> {
      await db.query(USER).delete({ where: { id: userId } });
    },
  };
};

export type PersonalDataStore = ReturnType<typeof personalDataStore>;
