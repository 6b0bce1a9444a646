import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite (better-sqlite3) by default, a file under .tmp/; MySQL or MariaDB through mysql2 when
 * DATABASE_CLIENT=mysql, configured by DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD or DATABASE_URL.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: {
          // Relative paths are taken from the project folder; absolute ones as they are.
          filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        acquireConnectionTimeout,
      },
    };
  }

  if (client !== 'mysql') {
    throw new Error(`Unsupported DATABASE_CLIENT: ${client}. Use "sqlite" (the default) or "mysql".`);
  }

  const databaseUrl = env('DATABASE_URL', '');
  const url = databaseUrl ? new URL(databaseUrl) : undefined;
  return {
    connection: {
      client: 'mysql',
      connection: {
        host: url?.hostname || env('DATABASE_HOST', '127.0.0.1'),
        port: url?.port ? Number(url.port) : env.int('DATABASE_PORT', 3306),
        database: url ? decodeURIComponent(url.pathname.slice(1)) : env('DATABASE_NAME', 'strapi'),
        user: url ? decodeURIComponent(url.username) : env('DATABASE_USERNAME', 'strapi'),
        password: url ? decodeURIComponent(url.password) : env('DATABASE_PASSWORD', ''),
        charset: 'utf8mb4',
        ssl: env.bool('DATABASE_SSL', false) && {
          key: env('DATABASE_SSL_KEY', undefined),
          cert: env('DATABASE_SSL_CERT', undefined),
          ca: env('DATABASE_SSL_CA', undefined),
          capath: env('DATABASE_SSL_CAPATH', undefined),
          cipher: env('DATABASE_SSL_CIPHER', undefined),
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout,
    },
  };
};

export default config;
