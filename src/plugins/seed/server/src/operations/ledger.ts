/** The ledger's operations: a member's account and exchanges; staff's view of any account and their corrections. */
import { operation } from './operation';
import { DEFAULT_POINT_TYPE } from '../domain/ledger/types';
import {
  accountQuery,
  adjustmentBody,
  documentIdParams,
  emptyBody,
  evaluationBody,
  pageQuery,
  proposalBody,
  resolutionBody,
  reversalBody,
} from '../validators';

const onExchange = { params: documentIdParams } as const;
const exchangeArgs = { documentId: 'ID!' };

/** One exchange step a party takes without saying more: accept, deliver, cancel. */
const exchangeStep = (step: 'accept' | 'deliver' | 'cancel', name: string) =>
  operation({
    action: `exchanges.${step}`,
    who: 'member',
    ...onExchange,
    input: emptyBody,
    run: ({ services, caller, params }) => services.exchanges[step](caller, params.documentId),
    rest: { method: 'POST', path: `/exchanges/:documentId/${step}` },
    graphql: { kind: 'mutation', name, type: 'SeedExchange!', args: exchangeArgs },
  });

export const ledgerOperations = [
  // Before /accounts/:documentId, which would otherwise take "me" for a documentId.
  operation({
    action: 'accounts.me',
    who: 'member',
    input: accountQuery,
    run: ({ services, caller, input }) => services.accounts.mine(caller, input.pointType, input.page, input.pageSize),
    rest: { method: 'GET', path: '/accounts/me' },
    graphql: { kind: 'query', name: 'myAccount', type: 'SeedAccount!', args: { pointType: { type: 'String', default: DEFAULT_POINT_TYPE }, page: 'Int', pageSize: 'Int' } },
  }),
  operation({
    action: 'corrections.account',
    who: 'staff',
    desk: 'Consulter un compte',
    params: documentIdParams,
    input: pageQuery,
    run: ({ services, params, input }) => services.accounts.byDocumentId(params.documentId, input.page, input.pageSize),
    rest: { method: 'GET', path: '/accounts/:documentId' },
    graphql: { kind: 'query', name: 'seedAccount', type: 'SeedAccount!', args: { documentId: 'ID!', page: 'Int', pageSize: 'Int' } },
  }),
  operation({
    action: 'corrections.adjust',
    who: 'staff',
    desk: 'Ajuster un compte',
    params: documentIdParams,
    input: adjustmentBody,
    run: ({ services, caller, params, input }) => services.corrections.adjust(caller, params.documentId, input),
    rest: {
      method: 'POST',
      path: '/accounts/:documentId/adjust',
      input: ({ body, header }) => {
        const key = header('idempotency-key');
        return key === undefined ? body : { ...(body as object), idempotencyKey: key };
      },
      headers: { 'Idempotency-Key': { description: 'The same key twice pays once and answers the first entry (the body may hold it as `idempotencyKey` instead).' } },
    },
    graphql: {
      kind: 'mutation',
      name: 'adjustAccount',
      type: 'SeedCorrection!',
      args: { documentId: 'ID!', direction: 'String!', amount: 'Int!', reason: 'String!', idempotencyKey: 'String' },
    },
  }),
  operation({
    action: 'corrections.reverse',
    who: 'staff',
    desk: 'Contre-passer une écriture',
    params: documentIdParams,
    input: reversalBody,
    run: ({ services, caller, params, input }) => services.corrections.reverse(caller, params.documentId, input.reason),
    rest: { method: 'POST', path: '/entries/:documentId/reverse' },
    graphql: { kind: 'mutation', name: 'reverseEntry', type: 'SeedCorrection!', args: { documentId: 'ID!', reason: 'String!' } },
  }),
  operation({
    action: 'exchanges.mine',
    who: 'member',
    input: emptyBody,
    run: ({ services, caller }) => services.exchanges.mine(caller),
    rest: { method: 'GET', path: '/exchanges/mine' },
    graphql: { kind: 'query', name: 'myExchanges', type: '[SeedExchange!]!' },
  }),
  operation({
    action: 'exchanges.propose',
    who: 'member',
    input: proposalBody,
    run: ({ services, caller, input }) => services.exchanges.propose(caller, input),
    rest: { method: 'POST', path: '/exchanges', status: 201 },
    graphql: { kind: 'mutation', name: 'proposeExchange', type: 'SeedExchange!', args: { input: 'ProposeExchangeInput!' }, inputArg: 'input' },
  }),
  exchangeStep('accept', 'acceptExchange'),
  exchangeStep('deliver', 'markExchangeDelivered'),
  operation({
    action: 'exchanges.evaluate',
    who: 'member',
    desk: 'Évaluer un échange pour un membre',
    ...onExchange,
    input: evaluationBody,
    run: ({ services, caller, params, input }) => services.exchanges.evaluate(caller, params.documentId, input.rating, input.comment),
    rest: { method: 'POST', path: '/exchanges/:documentId/evaluate' },
    graphql: { kind: 'mutation', name: 'evaluateExchange', type: 'SeedExchange!', args: { ...exchangeArgs, rating: 'Int!', comment: 'String' } },
  }),
  exchangeStep('cancel', 'cancelExchange'),
  operation({
    action: 'exchanges.resolve',
    who: 'staff',
    desk: 'Trancher un litige',
    ...onExchange,
    input: resolutionBody,
    run: ({ services, caller, params, input }) => services.exchanges.resolve(caller, params.documentId, input.outcome, input.reason),
    rest: { method: 'POST', path: '/exchanges/:documentId/resolve' },
    graphql: { kind: 'mutation', name: 'resolveExchange', type: 'SeedExchange!', args: { ...exchangeArgs, outcome: 'String!', reason: 'String!' } },
  }),
];
