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

/**
 * How deep a request's input may nest. The SEED's deepest input (a charter's articles, a GraphQL
 * input object) is a handful of levels; the bound keeps a hostile `[[[…]]]` from costing anything.
 */
export const MAX_INPUT_DEPTH = 32;

/** What the walk found: a field that names money, or input nested deeper than the bound. */
export type InputProblem = { kind: 'money'; path: string[] } | { kind: 'too-deep'; path: string[] };

const moneyKey = (key: string, value: unknown): boolean =>
  CURRENCY_SIGNS.test(key) ||
  words(key).some((word) => MONEY_WORDS.has(word)) ||
  // A "unit" is points or the hours they count; any other unit is a conversion in disguise.
  (key.toLowerCase() === 'unit' && typeof value === 'string' && !/^(ts|points?|hours?|heures?|h)$/i.test(value.trim()));

/**
 * The first problem of an input, in document order: a money field, or a value nested deeper than
 * `maxDepth`. Iterative (an explicit stack), so no input can overflow the call stack.
 */
export const inspectInput = (input: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | undefined => {
  // Each item is a value and the key it sits under: the key is judged when the item is reached,
  // so the order is the recursive walk's (a key, then what is under it, then the next key).
  const stack: { key?: string; value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { key, value, path } = item;
    if (key !== undefined && moneyKey(key, value)) return { kind: 'money', path };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) return { kind: 'too-deep', path };
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item, false] as const) : Object.entries(value).map(([k, item]) => [k, item, true] as const);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [name, item, isKey] = entries[i];
      stack.push({ key: isKey ? name : undefined, value: item, path: [...path, name] });
    }
  }
  return undefined;
};

/** The path of the first field that speaks of money, or undefined (looked for down to `MAX_INPUT_DEPTH`). */
export const findMoneyField = (input: unknown): string[] | undefined => {
  const problem = inspectInput(input);
  return problem?.kind === 'money' ? problem.path : undefined;
};

/** A currency after an amount ("5 euros", "10 €", "12,50 EUR") or before it ("$20", "€ 5"). */
const CURRENCY = String.raw`(?:€|\$|£|¥|eur|euros?|usd|dollars?|chf|gbp|cents?|centimes?)`;
const AMOUNT = String.raw`\d+(?:[\s.,'’]\d+)*`;
const PRICE = new RegExp(String.raw`${AMOUNT}\s*${CURRENCY}(?![\p{L}\d])|(?<![\p{L}\d])(?:€|\$|£|usd|eur)\s*${AMOUNT}`, 'iu');

/**
 * A price written in words: "5 euros de l'heure", "Prix libre : 10 €". An exchange is valued in
 * points only, so its description or comment may not put a money amount on it. Words without an
 * amount ("sans argent") and hours ("3 heures") are not prices.
 */
export const findPrice = (text: string | null | undefined): string | undefined => text?.match(PRICE)?.[0];
