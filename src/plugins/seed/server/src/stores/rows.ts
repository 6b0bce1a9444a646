/**
 * What every store shares: the columns Strapi keeps on each row, and one insert that returns the
 * new id. Stores write plain rows with knex — one statement per row, no re-select — because the
 * Query Engine's create re-reads the row it wrote and the Document Service adds its own checks;
 * on the ledger's hot paths that was most of the cost (BENCHMARKS.md, issue 12).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';

/** The bookkeeping columns of a new row of a type without drafts (Strapi publishes such rows at once). */
export const newDocument = (documentId: string = createId(), now = new Date()) => ({ document_id: documentId, created_at: now, updated_at: now, published_at: now });

/** A new documentId, for a row whose id another row's key needs before it is written. */
export const newDocumentId = (): string => createId();

/** Rows in batches small enough for one statement each (SQLite takes at most 32,766 bound values). */
export const batchesOf = <T>(rows: T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** Inserts one row and returns its id (MySQL and SQLite both answer the new id without a re-select). */
export const insertRow = async (db: Knex | Knex.Transaction, table: string, row: Record<string, unknown>): Promise<number> => {
  const [id] = (await db(table).insert(row)) as (number | { id: number })[];
  return typeof id === 'object' ? id.id : id;
};

/** Database integers and booleans as JavaScript reads them (SQLite answers 0/1, MySQL sums as strings). */
export const int = (value: unknown): number => Number(value ?? 0);
export const intOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const bool = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** Tells a unique key's violation from other errors, on MySQL/MariaDB and SQLite. */
export const isDuplicateKey = (error: unknown): boolean => {
  const { code, errno } = (error ?? {}) as { code?: string; errno?: number };
  return errno === 1062 || code === 'ER_DUP_ENTRY' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
};

/** A stored date-time as an ISO string (SQLite answers epoch milliseconds, MySQL a Date), or null. */
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | number | Date).toISOString());

/**
 * Rows whose `column` contains `fragment` as typed: a fragment, not a pattern — its % and _ are
 * escaped (the same ESCAPE on both databases). Both sides lowered: MariaDB's JSON columns compare
 * in a binary collation, where LIKE alone would be case-sensitive.
 */
export const containing = (query: Knex.QueryBuilder, column: string, fragment: string): Knex.QueryBuilder =>
  query.whereRaw(`LOWER(??) LIKE ? ESCAPE '!'`, [column, `%${fragment.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`]);
