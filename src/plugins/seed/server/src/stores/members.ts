/**
 * Members as the ledger reads them. Lock contract: `lockState` locks the member's row until the
 * transaction ends; every change of a member's state or limits takes it first, so two moves of
 * one member wait for each other.
 */
import type { Knex } from 'knex';
import type { MemberState } from '../domain/members/member-state';

export const MEMBERS = 'members';

export interface MemberRef {
  id: number;
  documentId: string;
  state: MemberState;
}

export const membersStore = (knex: Knex) => ({
  /** The member with this documentId, or whose user has this email (lowercase). */
  async find(reference: { documentId: string } | { email: string }): Promise<MemberRef | null> {
    const query = knex(MEMBERS).select(`${MEMBERS}.id`, `${MEMBERS}.document_id`, `${MEMBERS}.state`);
    if ('email' in reference) query.join('up_users', 'up_users.id', `${MEMBERS}.user_id`).where('up_users.email', reference.email);
    else query.where(`${MEMBERS}.document_id`, reference.documentId);
    const row: { id: number; document_id: string; state: MemberState } | undefined = await query.first();
    return row ? { id: row.id, documentId: row.document_id, state: row.state } : null;
  },

  /** Locks the member's row until the transaction ends; returns its state. */
  async lockState(trx: Knex.Transaction, memberId: number): Promise<MemberState | undefined> {
    return ((await trx(MEMBERS).where({ id: memberId }).forUpdate().first('state')) as { state: MemberState } | undefined)?.state;
  },

  /** Writes the member's new state; the row is locked by this transaction (lockState). */
  async setState(trx: Knex.Transaction, memberId: number, state: MemberState): Promise<void> {
    await trx(MEMBERS).where({ id: memberId }).update({ state, updated_at: new Date() });
  },
});

export type MembersStore = ReturnType<typeof membersStore>;
