/**
 * A charter's published text, as kept in its version history: the fields a reader reads, with
 * the database's own ids left out so two publications of the same text compare equal.
 */
import { isDeepStrictEqual } from 'util';

export const VERSIONED_FIELDS = ['title', 'intention', 'articles', 'roles', 'term', 'profitSplit', 'disputeSteps', 'licence', 'dataProtection', 'revisionRule'] as const;

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id' && key !== '__component').map(([key, inner]) => [key, withoutIds(inner)]));
};

export type CharterText = Record<string, unknown>;

export const charterText = (published: Record<string, unknown>): CharterText => ({
  ...Object.fromEntries(VERSIONED_FIELDS.map((field) => [field, withoutIds(published[field] ?? null)])),
  values: Array.isArray(published.values) ? published.values.map((value: { name?: unknown }) => value.name) : [],
});

/** A publication that changed nothing (a second click on Publish) adds no version. */
export const sameText = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);
