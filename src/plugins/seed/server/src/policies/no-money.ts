/**
 * "Système basé uniquement sur les jetons, pas d'échange d'argent" (seed 004): a SEED request that
 * carries a price, a currency or a unit other than points is refused, whichever API it came by.
 * REST routes run this policy; GraphQL runs `refuseMoney` before validation (../graphql/no-money).
 */
import { CodedError, fieldsError } from '../errors/codes';
import { inspectInput, MAX_INPUT_DEPTH } from '../domain/ledger/no-money';

/** Also the first walk over a request's input: input nested deeper than any SEED input is refused here. */
export const refuseMoney = (...inputs: unknown[]): void => {
  for (const input of inputs) {
    const problem = inspectInput(input);
    if (problem?.kind === 'too-deep') {
      throw fieldsError('INVALID_INPUT', [{ path: problem.path, message: `nested deeper than ${MAX_INPUT_DEPTH} levels` }]);
    }
    if (problem?.kind === 'money') {
      const field = problem.path;
      throw new CodedError('NO_MONEY', `The SEED works in points only: "${field.join('.')}" has no place here. Points are never bought, sold or converted.`, { field });
    }
  }
};

// The policy context copies the koa context's own fields: the query is read from its request.
export default (policyContext: { request: { body?: unknown; query?: unknown } }): boolean => {
  refuseMoney(policyContext.request.body, policyContext.request.query);
  return true;
};
