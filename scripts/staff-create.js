#!/usr/bin/env node
/**
 * `npm run staff:create -- --email … --password … [--username …]`: creates a users-permissions
 * user with the Staff role (staff need not be members), confirmed and able to log in at once.
 */
const { parseArgs } = require('util');
const { withStrapi } = require('./with-strapi');

const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, username: { type: 'string' } } });
if (!values.email || !values.password) {
  console.error('Usage: npm run staff:create -- --email staff@example.org --password "S3cure-pass" [--username name]');
  process.exit(64);
}

withStrapi(async (app) => {
  const email = values.email.toLowerCase();
  if (await app.db.query('plugin::users-permissions.user').findOne({ where: { email } })) {
    console.error(`A user with the email ${email} already exists.`);
    process.exitCode = 1;
    return;
  }
  const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'staff' } });
  await app.plugin('users-permissions').service('user').add({
    username: values.username || email,
    email,
    password: values.password,
    role: role.id,
    confirmed: true,
    blocked: false,
    provider: 'local',
  });
  console.log(`Created the staff user ${email}.`);
});
