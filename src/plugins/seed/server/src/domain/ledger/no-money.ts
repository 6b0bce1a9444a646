/**
 * "Système basé uniquement sur les jetons, pas d'échange d'argent" (seed 004): a SEED request
 * that names a price, a currency or a unit other than points is refused, however it is nested.
 */
const MONEY_WORDS = new Set(
  ['price', 'prix', 'currency', 'devise', 'money', 'argent', 'euro', 'euros', 'eur', 'usd', 'cent', 'cents', 'cash', 'fiat', 'fee', 'fees', 'tarif', 'cost', 'cout', 'coût'],
);

/** A key with a currency sign in it ("€", "prix$"…) names money whatever its words. */
const CURRENCY_SIGNS = /[€$£¥¢₿₣₤₩₪₫₭₮₱₲₴₸₹₺₼₽]/u;

/** "amountCents" → ["amount", "cents"]; "unit_price" → ["unit", "price"]. */
const words = (key: string): string[] =>
  key
    .replace(/([a-zà-ÿ0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-zà-ÿ0-9]+/)
    .filter(Boolean);

/** The path of the first field that speaks of money, or undefined. */
export const findMoneyField = (input: unknown, path: string[] = []): string[] | undefined => {
  if (Array.isArray(input)) {
    for (const [index, item] of input.entries()) {
      const found = findMoneyField(item, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (input === null || typeof input !== 'object') return undefined;
  for (const [key, value] of Object.entries(input)) {
    if (CURRENCY_SIGNS.test(key) || words(key).some((word) => MONEY_WORDS.has(word))) return [...path, key];
    // A "unit" is only ever points: any other unit is a conversion in disguise.
    if (key.toLowerCase() === 'unit' && typeof value === 'string' && !/^(ts|points?)$/i.test(value)) return [...path, key];
    const found = findMoneyField(value, [...path, key]);
    if (found) return found;
  }
  return undefined;
};
