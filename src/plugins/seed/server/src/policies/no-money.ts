/**
 * "Système basé uniquement sur les jetons, pas d'échange d'argent" (seed 004): a SEED request that
 * carries a price, a currency or a unit other than points is refused, whichever API it came by.
 * REST routes run this policy; GraphQL runs `refuseMoney` before validation (../graphql/no-money).
 */
import { CodedError } from '../errors/codes';
import { findMoneyField } from '../domain/ledger/no-money';

export const refuseMoney = (...inputs: unknown[]): void => {
  for (const input of inputs) {
    const field = findMoneyField(input);
    if (field) {
      throw new CodedError('NO_MONEY', `The SEED works in points only: "${field.join('.')}" has no place here. Points are never bought, sold or converted.`, { field });
    }
  }
};

// The policy context copies the koa context's own fields: the query is read from its request.
export default (policyContext: { request: { body?: unknown; query?: unknown } }): boolean => {
  refuseMoney(policyContext.request.body, policyContext.request.query);
  return true;
};
