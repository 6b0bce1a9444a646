/**
 * `Charter.signatories`: the signatures of a charter, in signing order. Signatures are their own
 * collection (signing never republishes the charter) and point at the charter, so this field reads
 * them by the charter's documentId: the same list for every locale of the charter.
 * Readable by whoever may `find` signatures. The charters of one request are read together: one
 * query for the signatures of all the charters listed, however many.
 */
import type { Core } from '@strapi/strapi';

interface CharterParent {
  documentId: string;
}

interface GraphqlContext {
  state: { auth?: unknown };
}

interface SignatureRow {
  charter?: { documentId: string } | null;
  [field: string]: unknown;
}

interface Batch {
  charters: Set<string>;
  signatures: Promise<Map<string, SignatureRow[]>>;
}

/** The signatures of a charter, read with those of every charter the same request asks for in the same turn. */
const signaturesLoader = (strapi: Core.Strapi) => {
  const batches = new WeakMap<GraphqlContext, Batch>();
  const read = async (context: GraphqlContext, charters: Set<string>) => {
    batches.delete(context);
    const rows = (await strapi.documents('api::signature.signature').findMany({
      filters: { charter: { documentId: { $in: [...charters] } } },
      sort: ['signedOn:asc', 'id:asc'],
      populate: { charter: { fields: ['documentId'] } },
    })) as SignatureRow[];
    const byCharter = new Map<string, SignatureRow[]>();
    for (const { charter, ...signature } of rows) {
      if (charter) byCharter.set(charter.documentId, [...(byCharter.get(charter.documentId) ?? []), signature]);
    }
    return byCharter;
  };
  return async (context: GraphqlContext, documentId: string): Promise<SignatureRow[]> => {
    let batch = batches.get(context);
    if (!batch) {
      const charters = new Set<string>();
      // After the sibling resolvers of this turn have asked too (each first awaits its own auth check).
      const signatures = new Promise((resolve) => setImmediate(resolve)).then(() => read(context, charters));
      batch = { charters, signatures };
      batches.set(context, batch);
    }
    batch.charters.add(documentId);
    return (await batch.signatures).get(documentId) ?? [];
  };
};

export const charterSignatoriesExtension =
  (strapi: Core.Strapi) =>
  // nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const signaturesOf = signaturesLoader(strapi);
    return {
      types: [
        nexus.extendType({
          type: 'Charter',
          definition(t: any) {
            t.nonNull.list.nonNull.field('signatories', {
              type: 'Signature',
              async resolve(parent: CharterParent, _args: unknown, context: GraphqlContext) {
                const signatures = await signaturesOf(context, parent.documentId);
                const schema = strapi.getModel('api::signature.signature');
                return strapi.contentAPI.sanitize.output(signatures, schema, { auth: context.state.auth });
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Charter.signatories': { auth: { scope: ['api::signature.signature.find'] } },
      },
    };
  };
