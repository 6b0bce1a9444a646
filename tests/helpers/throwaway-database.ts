/**
 * A fresh database for one test file: a temporary SQLite file, or a new MySQL/MariaDB database
 * when DATABASE_CLIENT=mysql (DATABASE_NAME is used as a prefix). Dropped when the file is done.
 */
import { randomBytes } from 'crypto';
import { rmSync } from 'fs';
import os from 'os';
import path from 'path';
import mysql from 'mysql2/promise';

export interface ThrowawayDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

// Read once: the app under test overwrites DATABASE_NAME with its own throw-away database.
const MYSQL_PREFIX = process.env.DATABASE_NAME || 'seed_test';

const mysqlConnection = () =>
  mysql.createConnection({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 3306),
    user: process.env.DATABASE_USERNAME || 'root',
    password: process.env.DATABASE_PASSWORD || '',
  });

export const createThrowawayDatabase = async (): Promise<ThrowawayDatabase> => {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'mysql') {
    const name = `${MYSQL_PREFIX}_${suffix}`;
    const connection = await mysqlConnection();
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    return {
      env: { DATABASE_NAME: name },
      async drop() {
        const dropper = await mysqlConnection();
        await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await dropper.end();
      },
    };
  }
  const filename = path.join(os.tmpdir(), `seed-test-${suffix}.db`);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    async drop() {
      for (const file of [filename, `${filename}-wal`, `${filename}-shm`, `${filename}-journal`]) {
        rmSync(file, { force: true });
      }
    },
  };
};
