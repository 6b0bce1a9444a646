'use strict';
/**
 * The SEED became a plugin: its content types moved from `api::<name>.<name>` to
 * `plugin::seed.<name>`, its routes' actions from `api::seed.<controller>.<action>` to
 * `plugin::seed.<controller>.<action>`, and the charters' signing and revision routes to
 * `api::charter.consent.<action>`. Tables keep their names; this renames what Strapi stores by
 * UID (role and API-token permissions, admin permissions, Content Manager settings, history,
 * media links), so grants and admin settings survive. Runs before the schema sync; a no-op on a
 * new database.
 */
const MOVED_TYPES = [
  'account', 'award', 'earning-rule', 'earning-rule-change', 'entry', 'exchange', 'member', 'membership',
  'mission', 'mission-flag', 'mission-response', 'outbox-message', 'webhook-event', 'webhook-subscription',
];

/** Old → new, longest first so `api::mission.mission` never eats `api::mission-flag.mission-flag`. */
const RENAMES = [
  ['api::seed.charters.', 'api::charter.consent.'],
  ['api::seed.', 'plugin::seed.'],
  ...MOVED_TYPES.map((name) => [`api::${name}.${name}`, `plugin::seed.${name}`]),
].sort(([a], [b]) => b.length - a.length);

/** The new name of a stored UID or action, or null when it is not one of the SEED's. */
const renamed = (value) => {
  for (const [from, to] of RENAMES) {
    if (value === from || (value.startsWith(from) && (from.endsWith('.') || value[from.length] === '.'))) return to + value.slice(from.length);
  }
  return null;
};

/** Every quoted UID inside a JSON text, renamed. */
const renamedInJson = (text) => text.replace(/"(api::[a-z-]+\.[a-z-]+(?:\.[A-Za-z]+)?)"/g, (quoted, uid) => {
  const to = renamed(uid);
  return to ? `"${to}"` : quoted;
});

const renameColumn = async (knex, table, column) => {
  if (!(await knex.schema.hasTable(table)) || !(await knex.schema.hasColumn(table, column))) return;
  const rows = await knex(table).select('id', column).where(column, 'like', 'api::%');
  for (const row of rows) {
    const to = renamed(row[column]);
    if (to) await knex(table).where({ id: row.id }).update({ [column]: to });
  }
};

module.exports = {
  async up(knex) {
    await renameColumn(knex, 'up_permissions', 'action');
    await renameColumn(knex, 'strapi_api_token_permissions', 'action');
    await renameColumn(knex, 'admin_permissions', 'subject');
    await renameColumn(knex, 'files_related_mph', 'related_type');
    await renameColumn(knex, 'strapi_history_versions', 'content_type');
    await renameColumn(knex, 'strapi_release_actions', 'content_type');

    const store = 'strapi_core_store_settings';
    if (!(await knex.schema.hasTable(store))) return;
    const settings = await knex(store).select('id', 'key', 'value').where('key', 'like', '%api::%').orWhere('value', 'like', '%api::%');
    for (const { id, key, value } of settings) {
      const newKey = key.replace(/api::[a-z-]+\.[a-z-]+$/, (uid) => renamed(uid) ?? uid);
      const newValue = typeof value === 'string' ? renamedInJson(value) : value;
      if (newKey === key && newValue === value) continue;
      // A setting already written under the new key (a boot of the new code before this ran) gives way to the old one.
      if (newKey !== key) await knex(store).where({ key: newKey }).del();
      await knex(store).where({ id }).update({ key: newKey, value: newValue });
    }
  },
};
