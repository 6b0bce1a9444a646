/**
 * `Charter.signatories`: the signatures of a charter, in signing order. Signatures are their own
 * collection (signing never republishes the charter) and point at the charter, so this field reads
 * them by the charter's documentId: the same list for every locale of the charter.
 * Readable by whoever may `find` signatures.
 */
import type { Core } from '@strapi/strapi';

interface CharterParent {
  documentId: string;
}

interface GraphqlContext {
  state: { auth?: unknown };
}

export const charterSignatoriesExtension =
  (strapi: Core.Strapi) =>
  // nexus is the GraphQL plugin's own schema builder; its types are not exported by the plugin.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => ({
    types: [
      nexus.extendType({
        type: 'Charter',
        definition(t: any) {
          t.nonNull.list.nonNull.field('signatories', {
            type: 'Signature',
            async resolve(parent: CharterParent, _args: unknown, context: GraphqlContext) {
              const signatures = await strapi.documents('api::signature.signature').findMany({
                filters: { charter: { documentId: parent.documentId } },
                sort: ['signedOn:asc', 'id:asc'],
              });
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
  });
