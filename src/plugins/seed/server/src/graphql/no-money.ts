/**
 * The no-money rule on GraphQL. A resolver's policy would come too late: GraphQL refuses a field
 * its input types lack (`price`…) before any resolver runs. So the SEED's operations are checked
 * in the request itself — their literal arguments by a validation rule that runs first, their
 * variables once the operation is known — with the same rule as REST (../policies/no-money).
 */
import { GraphQLError, Kind, valueFromASTUntyped, type ASTVisitor, type FieldNode, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { refuseMoney } from '../policies/no-money';

/** The SEED's root fields in the operation, with the arguments they were given. */
const seedFields = (operation: OperationDefinitionNode, names: Set<string>): FieldNode[] =>
  operation.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD && names.has(selection.name.value));

/** The refusal as GraphQL reports it: the rule's own error, with the stable code kept for the formatter. */
const refusal = (error: unknown): GraphQLError =>
  new GraphQLError((error as Error).message, { originalError: error as Error, extensions: { http: { status: 400, headers: new Map() } } });

const check = (run: () => void): GraphQLError | null => {
  try {
    run();
    return null;
  } catch (error) {
    return refusal(error);
  }
};

/** A validation rule: reported on the document itself, before the fields' own validation errors. */
export const noMoneyRule =
  (names: Set<string>) =>
  (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const field of seedFields(definition, names)) {
          const args = Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
          const error = check(() => refuseMoney(args));
          if (error) context.reportError(error);
        }
      }
    },
  });

/** An Apollo plugin: the variables a SEED field is given are checked before execution coerces them. */
export const noMoneyInVariables = (names: Set<string>) => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }: { operation: OperationDefinitionNode; request: { variables?: Record<string, unknown> } }) {
        if (!request.variables || seedFields(operation, names).length === 0) return;
        const error = check(() => refuseMoney(request.variables));
        if (error) throw error;
      },
    };
  },
});
