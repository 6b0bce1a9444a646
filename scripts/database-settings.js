/**
 * The configured database, read from the environment and .env as config/database.ts reads it,
 * for the scripts that work on it without booting Strapi (backup, restore).
 */
const path = require('path');

const appDir = path.resolve(__dirname, '..');

/** Loads .env the way Strapi does (dotenv, Strapi's own dependency): variables already set win. */
const loadEnv = () => {
  require('dotenv').config({ path: path.join(appDir, '.env'), quiet: true });
};

/** `{ client: 'sqlite', filename }` or `{ client: 'mysql', host, port, database, user, password }`. */
const databaseSettings = (env = process.env) => {
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') {
    // As config/database.ts: relative to the project folder, absolute as it is.
    return { client, filename: path.resolve(appDir, env.DATABASE_FILENAME || '.tmp/data.db') };
  }
  if (client !== 'mysql') throw new Error(`Unsupported DATABASE_CLIENT: ${client}. Use "sqlite" (the default) or "mysql".`);
  const url = env.DATABASE_URL ? new URL(env.DATABASE_URL) : undefined;
  return {
    client,
    host: url?.hostname || env.DATABASE_HOST || '127.0.0.1',
    port: Number(url?.port || env.DATABASE_PORT || 3306),
    database: url ? decodeURIComponent(url.pathname.slice(1)) : env.DATABASE_NAME || 'strapi',
    user: url ? decodeURIComponent(url.username) : env.DATABASE_USERNAME || 'strapi',
    password: url ? decodeURIComponent(url.password) : env.DATABASE_PASSWORD || '',
  };
};

/**
 * Arguments for the mysql/mysqldump clients. The password goes in MYSQL_PWD, not on the command
 * line, where any user of the machine could read it.
 */
const mysqlClient = (settings) => ({
  args: [`--host=${settings.host}`, `--port=${settings.port}`, `--user=${settings.user}`, '--default-character-set=utf8mb4'],
  env: { ...process.env, MYSQL_PWD: settings.password },
});

module.exports = { appDir, loadEnv, databaseSettings, mysqlClient };
