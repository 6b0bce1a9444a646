/**
 * GraphQL cost limits (issue 17): an operation with too many aliases, or whose estimated cost
 * (./cost) passes the maximum, is refused while the request is validated, before any resolver
 * or SQL statement runs, with 400 QUERY_TOO_COMPLEX. Added to Apollo in config/plugins.ts.
 */
import { GraphQLError, type ASTVisitor, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { CodedError } from '../../plugins/seed/server/src/errors/codes';
import { measureDocument, type ListLimits } from './cost';

/** Defaults of GRAPHQL_MAX_ALIASES and GRAPHQL_MAX_COST (config/plugins.ts, README). */
export const DEFAULT_MAX_ALIASES = 30;
export const DEFAULT_MAX_COST = 25_000;

export interface QueryLimits extends ListLimits {
  maxAliases: number;
  maxCost: number;
}

const refusal = (message: string, details: Record<string, unknown>, operation: OperationDefinitionNode): GraphQLError =>
  // The coded error travels as originalError: formatGraphqlError gives its code, Apollo a 400 (a validation error).
  new GraphQLError(message, { nodes: operation, originalError: new CodedError('QUERY_TOO_COMPLEX', message, details) });

export const queryLimitsRule =
  (limits: QueryLimits) =>
  (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const { operation, measure } of measureDocument(context.getSchema(), document, limits)) {
        const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
        const details = { aliases: measure.aliases, maxAliases: limits.maxAliases, cost: measure.cost, maxCost: limits.maxCost };
        if (measure.aliases > limits.maxAliases) {
          context.reportError(refusal(`${name} has ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`, details, operation));
        } else if (measure.cost > limits.maxCost) {
          context.reportError(
            refusal(`${name} costs ${measure.cost} (each field once per item of the lists around it); at most ${limits.maxCost} is allowed.`, details, operation),
          );
        }
      }
      // The whole document is measured here: nothing below it for this rule to visit.
      return false;
    },
  });

