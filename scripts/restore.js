#!/usr/bin/env node
/**
 * `npm run restore -- <file> [--force]`: loads a backup made by `npm run backup` into the
 * configured database, then boot the app on it and run `npm run ledger:check`.
 * SQLite: the file is copied into place — stop the app first, it would keep writing to the file
 * it has open. MySQL/MariaDB: the database is created if missing and the dump piped into `mysql`.
 * A database that already has tables is left alone unless --force, which replaces it whole.
 */
const { spawn } = require('child_process');
const { copyFileSync, createReadStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync } = require('fs');
const path = require('path');
const { loadEnv, databaseSettings, mysqlClient } = require('./database-settings');

const run = (command, args, { env, input } = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}.`))));
    if (input) input.pipe(child.stdin);
  });

const startOf = (file, length) => {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0)).toString();
  } finally {
    closeSync(fd);
  }
};

const tablesIn = (Database, filename) => {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get().n;
  } finally {
    db.close();
  }
};

const restoreSqlite = ({ filename }, file, force) => {
  // The app's own SQLite driver.
  const Database = require('better-sqlite3');
  if (tablesIn(Database, file) === 0) throw new Error(`${file} is not a SQLite backup of this app: it has no table.`);
  if (existsSync(filename) && tablesIn(Database, filename) > 0 && !force) {
    throw new Error(`${filename} already holds a database. Stop the app, then run again with --force to replace it.`);
  }
  mkdirSync(path.dirname(filename), { recursive: true });
  // Copied beside it, then renamed over it: the database is never half-written.
  const next = `${filename}.restoring`;
  copyFileSync(file, next);
  // The replaced database's journal would be replayed onto the restored one.
  for (const stale of [`${filename}-wal`, `${filename}-shm`, `${filename}-journal`]) rmSync(stale, { force: true });
  renameSync(next, filename);
};

const restoreMysql = async (settings, file, force) => {
  if (startOf(file, 15) === 'SQLite format 3') throw new Error(`${file} is a SQLite backup: restore it with DATABASE_CLIENT=sqlite.`);
  const client = mysqlClient(settings);
  const sql = (statement) => run('mysql', [...client.args, '--batch', '--skip-column-names', '-e', statement], { env: client.env });
  const name = `\`${settings.database.replace(/`/g, '``')}\``;
  const quoted = `'${settings.database.replace(/'/g, "''")}'`;
  const tables = Number((await sql(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ${quoted}`)).trim());
  if (tables > 0 && !force) throw new Error(`The database ${settings.database} already has ${tables} tables. Run again with --force to replace it.`);
  if (tables > 0) await sql(`DROP DATABASE ${name}`);
  await sql(`CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await run('mysql', [...client.args, settings.database], { env: client.env, input: createReadStream(file) });
};

const main = async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new Error('Usage: npm run restore -- <backup file> [--force]');
  if (!existsSync(file)) throw new Error(`There is no file ${file}.`);
  loadEnv();
  const settings = databaseSettings();
  if (settings.client === 'sqlite') restoreSqlite(settings, path.resolve(file), force);
  else await restoreMysql(settings, path.resolve(file), force);
  console.log(`restore: ${file} restored into ${settings.client === 'sqlite' ? settings.filename : `${settings.database} on ${settings.host}:${settings.port}`}.`);
};

main().catch((error) => {
  console.error(`restore: ${error.message}`);
  process.exit(1);
});
