'use strict';
/**
 * The SEED's relations became foreign-key columns (`useJoinTable: false`): writing an award or an
 * entry is then one insert, not one insert per relation in a link table (`…_lnk`). This copies
 * every link row into its owner's new column and drops the link tables; the schema sync that
 * follows adds the foreign keys and indexes. A no-op on a new database.
 */

/** [owner table, column stem, owner's column in the link table, target's column in the link table] */
const RELATIONS = [
  ['ledger_accounts', 'member', 'account_id', 'member_id'],
  ['ledger_accounts', 'point_type', 'account_id', 'point_type_id'],
  ['awards', 'rule', 'award_id', 'earning_rule_id'],
  ['awards', 'point_type', 'award_id', 'point_type_id'],
  ['awards', 'member', 'award_id', 'member_id'],
  ['awards', 'entry', 'award_id', 'entry_id'],
  ['earning_rules', 'point_type', 'earning_rule_id', 'point_type_id'],
  ['ledger_entries', 'from_account', 'entry_id', 'account_id'],
  ['ledger_entries', 'to_account', 'entry_id', 'account_id'],
  ['ledger_entries', 'reverses', 'entry_id', 'inv_entry_id'],
  ['ledger_entries', 'exchange', 'entry_id', 'exchange_id'],
  ['exchanges', 'provider', 'exchange_id', 'member_id'],
  ['exchanges', 'beneficiary', 'exchange_id', 'member_id'],
  ['exchanges', 'point_type', 'exchange_id', 'point_type_id'],
  ['members', 'user', 'member_id', 'user_id'],
  ['members', 'tutor', 'member_id', 'inv_member_id'],
  ['memberships', 'member', 'membership_id', 'member_id'],
  ['memberships', 'campaign', 'membership_id', 'membership_campaign_id'],
  ['missions', 'brought_by', 'mission_id', 'member_id'],
  ['missions', 'chosen_response', 'mission_id', 'mission_response_id'],
  ['mission_flags', 'mission', 'mission_flag_id', 'mission_id'],
  ['mission_flags', 'member', 'mission_flag_id', 'member_id'],
  ['mission_responses', 'mission', 'mission_response_id', 'mission_id'],
  ['mission_responses', 'member', 'mission_response_id', 'member_id'],
  ['webhook_events', 'member', 'webhook_event_id', 'member_id'],
  ['webhook_events', 'award', 'webhook_event_id', 'award_id'],
  ['webhook_events', 'entry', 'webhook_event_id', 'entry_id'],
];

module.exports = {
  async up(knex) {
    for (const [table, stem, ownerColumn, targetColumn] of RELATIONS) {
      const link = `${table}_${stem}_lnk`;
      const column = `${stem}_id`;
      if (!(await knex.schema.hasTable(link))) continue;
      if (!(await knex.schema.hasColumn(table, column))) {
        // Unsigned like the ids it points to, as Strapi's own join columns (MySQL needs it for the foreign key).
        await knex.schema.alterTable(table, (t) => t.integer(column).unsigned().nullable());
      }
      await knex(table).update({ [column]: knex(link).max(targetColumn).where(ownerColumn, knex.ref(`${table}.id`)) });
      await knex.schema.dropTable(link);
    }
  },
};
