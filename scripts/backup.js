#!/usr/bin/env node
/**
 * `npm run backup [-- --out <file>]`: a consistent copy of the configured database, taken while
 * the app runs, written to backups/ under a timestamped name (or to <file>); prints its path.
 * SQLite: SQLite's online backup API (better-sqlite3), which copies a consistent state even while
 * the app writes. MySQL/MariaDB: mysqldump --single-transaction, one consistent read of InnoDB
 * tables that takes no lock, so the app keeps serving. Restore it with `npm run restore`.
 */
const { spawn } = require('child_process');
const { pipeline } = require('stream/promises');
const { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } = require('fs');
const path = require('path');
const { appDir, loadEnv, databaseSettings, mysqlClient } = require('./database-settings');

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};

const backupSqlite = async ({ filename }, out) => {
  if (!existsSync(filename)) throw new Error(`There is no SQLite database at ${filename}.`);
  // The app's own SQLite driver.
  const Database = require('better-sqlite3');
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
};

const backupMysql = async (settings, out) => {
  const client = mysqlClient(settings);
  // No CREATE DATABASE / USE in the dump: it loads into whichever database restore names.
  const dump = spawn('mysqldump', [...client.args, '--single-transaction', '--routines', '--triggers', '--no-tablespaces', '--hex-blob', settings.database], {
    env: client.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve, reject) => {
    dump.on('error', reject);
    dump.on('close', resolve);
  });
  // Both awaited, whichever ends first: the file may be closed before mysqldump's exit is reported
  // (waiting for the one after the other left the process with nothing to do, silently: no file).
  const [code] = await Promise.all([exited, pipeline(dump.stdout, createWriteStream(out))]);
  if (code !== 0) throw new Error(`mysqldump exited with ${code}.`);
};

const main = async () => {
  loadEnv();
  const settings = databaseSettings();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const name = settings.client === 'sqlite' ? path.basename(settings.filename, path.extname(settings.filename)) : settings.database;
  const out = path.resolve(option('--out') || path.join(appDir, 'backups', `${name}-${stamp}.${settings.client === 'sqlite' ? 'db' : 'sql'}`));
  mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name: a backup that failed half-way is never taken for a good one.
  const partial = `${out}.partial`;
  try {
    await (settings.client === 'sqlite' ? backupSqlite(settings, partial) : backupMysql(settings, partial));
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  console.log(out);
};

main().catch((error) => {
  console.error(`backup: ${error.message}`);
  process.exit(1);
});
