/** Route middleware for every SEED route: refuses a request that carries money (see domain/ledger/no-money). */
import type { Context, Next } from 'koa';
import { CodedError } from '../errors/codes';
import { findMoneyField } from '../domain/ledger/no-money';

export default () => async (ctx: Context, next: Next) => {
  const field = findMoneyField(ctx.request.body) ?? findMoneyField(ctx.query);
  if (field) {
    throw new CodedError('NO_MONEY', `The SEED works in points only: "${field.join('.')}" has no place here. Points are never bought, sold or converted.`, {
      field,
    });
  }
  await next();
};
