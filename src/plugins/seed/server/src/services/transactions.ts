/**
 * The SEED's unit of work: one database transaction, run again when the database chose it as a
 * deadlock victim. Every write of every service goes through it; the rows a write depends on are
 * locked inside it (see each service for its lock order).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

// MySQL: deadlock victim (1213) or lock wait timeout (1205); SQLite: database busy.
const isRetryable = (error: unknown): boolean => {
  const { errno, code } = (error ?? {}) as { errno?: number; code?: string };
  return errno === 1213 || errno === 1205 || code === 'SQLITE_BUSY';
};

const MAX_ATTEMPTS = 5;

const transactionsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs `work` in one transaction, again when the database chose it as a deadlock victim. */
  async run<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await strapi.db.transaction(({ trx }) => work(trx));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  },
});

export type TransactionsService = ReturnType<typeof transactionsService>;
export default transactionsService;
