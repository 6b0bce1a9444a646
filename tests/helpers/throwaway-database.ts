/**
 * A fresh database for one test file: a temporary SQLite file, or a new MySQL/MariaDB database
 * when DATABASE_CLIENT=mysql (DATABASE_NAME is used as a prefix). Dropped when the file is done.
 * With `fixture`, it starts as a copy of an upgrade fixture (tests/fixtures/upgrade/) instead of empty.
 */
import { randomBytes } from 'crypto';
import { copyFileSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import mysql from 'mysql2/promise';

export interface ThrowawayDatabase {
  env: Record<string, string>;
  /** Plain SQL on the database, outside the app (e.g. before it boots). */
  select(sql: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/** A database saved by an earlier version of the app (tests/fixtures/upgrade/README.md). */
export type Fixture = 'v1';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'upgrade');

// Read once: the app under test overwrites DATABASE_NAME with its own throw-away database.
const MYSQL_PREFIX = process.env.DATABASE_NAME || 'seed_test';

const mysqlConnection = (options: mysql.ConnectionOptions = {}) =>
  mysql.createConnection({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 3306),
    user: process.env.DATABASE_USERNAME || 'root',
    password: process.env.DATABASE_PASSWORD || '',
    ...options,
  });

/** `empty`: no tables at all (a restore's target), rather than the booted schema's copy on SQLite. */
export const createThrowawayDatabase = async ({ fixture, empty = false }: { fixture?: Fixture; empty?: boolean } = {}): Promise<ThrowawayDatabase> => {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'mysql') {
    const name = `${MYSQL_PREFIX}_${suffix}`;
    const connection = await mysqlConnection();
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    if (fixture) {
      // The dump names no database: it loads into this one.
      const loader = await mysqlConnection({ database: name, multipleStatements: true });
      try {
        await loader.query(readFileSync(path.join(FIXTURES, `${fixture}-mariadb.sql`), 'utf8'));
      } catch (error) {
        await loader.query(`DROP DATABASE IF EXISTS \`${name}\``);
        throw error;
      } finally {
        await loader.end();
      }
    }
    return {
      env: { DATABASE_NAME: name },
      async select(sql) {
        const reader = await mysqlConnection({ database: name });
        const [rows] = await reader.query(sql);
        await reader.end();
        return rows as Record<string, unknown>[];
      },
      async drop() {
        const dropper = await mysqlConnection();
        await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await dropper.end();
      },
    };
  }
  const filename = path.join(os.tmpdir(), `seed-test-${suffix}.db`);
  if (fixture) copyFileSync(path.join(FIXTURES, `${fixture}.sqlite`), filename);
  // The schema as a first boot leaves it (tests/helpers/global-setup): each file's boot then skips
  // creating it, about four seconds each. Its first start is still a first start for the demo content.
  else if (process.env.SEED_TEST_TEMPLATE && !empty) copyFileSync(process.env.SEED_TEST_TEMPLATE, filename);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    async select(sql) {
      // better-sqlite3 is the app's own SQLite driver.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Database = require('better-sqlite3');
      const db = new Database(filename, { readonly: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    async drop() {
      for (const file of [filename, `${filename}-wal`, `${filename}-shm`, `${filename}-journal`]) {
        rmSync(file, { force: true });
      }
    },
  };
};
