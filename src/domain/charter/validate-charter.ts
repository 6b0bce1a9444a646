/**
 * The charter's consistency rules, over plain data: what the schema alone cannot say.
 * Only the parts present in `data` are checked, so a partial update is judged on what it changes.
 */
import type { FieldError } from '../../plugins/seed/server/src/domain/decision';

export interface CharterDraft {
  articles?: unknown;
  term?: unknown;
  profitSplit?: unknown;
}

const MAX_PERCENTAGE_TOTAL = 100;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const asList = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.map(asRecord).filter((item): item is Record<string, unknown> => item !== undefined) : [];

// Admin forms send decimals as strings; a value that is not a number is left to Strapi's type checks.
const asNumber = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
};

// Dates arrive as ISO strings (YYYY-MM-DD); comparing their timestamps avoids locale surprises.
const asTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : time;
};

export const checkProfitSplit = (profitSplit: unknown): FieldError[] => {
  const total = asList(profitSplit).reduce((sum, share) => sum + (asNumber(share.percentage) ?? 0), 0);
  // Percentages carry two decimals; round so 33.33 + 33.33 + 33.34 is exactly 100.
  const rounded = Math.round(total * 100) / 100;
  return rounded > MAX_PERCENTAGE_TOTAL
    ? [{ path: ['profitSplit'], message: `percentages add up to ${rounded}, more than ${MAX_PERCENTAGE_TOTAL}` }]
    : [];
};

export const checkTerm = (term: unknown): FieldError[] => {
  const record = asRecord(term);
  const start = asTime(record?.start);
  const end = asTime(record?.end);
  return start !== undefined && end !== undefined && end < start
    ? [{ path: ['term', 'end'], message: 'the term cannot end before it starts' }]
    : [];
};

export const checkArticles = (articles: unknown): FieldError[] => {
  const errors: FieldError[] = [];
  let previous: number | undefined;
  asList(articles).forEach((article, index) => {
    const number = asNumber(article.number);
    if (number === undefined) return;
    if (previous !== undefined && number <= previous) {
      errors.push({ path: ['articles', index, 'number'], message: `article ${number} comes after article ${previous}: numbers must increase` });
    }
    previous = number;
  });
  return errors;
};

export const validateCharter = (data: CharterDraft): FieldError[] => [
  ...('articles' in data ? checkArticles(data.articles) : []),
  ...('term' in data ? checkTerm(data.term) : []),
  ...('profitSplit' in data ? checkProfitSplit(data.profitSplit) : []),
];
