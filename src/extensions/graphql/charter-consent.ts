/**
 * Charters over GraphQL: the public `charterVersions` (every published text of a charter, with
 * its date); for members `signCharter`, `charterRevisions`, `proposeCharterRevision`,
 * `consentToRevision`, `objectToRevision` and `withdrawRevision`. Each is governed by the
 * permission of its REST route.
 */
import type { Core } from '@strapi/strapi';
import { documentIdOf, parse, revisionAnswerBody, revisionBody, signatureBody, versionsQuery } from '../../plugins/seed/server/src/validators';
import type { ChartersService } from '../../api/charter/services/consent';
import { withoutNulls } from '../../plugins/seed/server/src/operations/run';
import { callerOf, type RequestState } from '../../plugins/seed/server/src/caller';

type GraphqlContext = { state: RequestState };

type Args = { documentId: string } & Record<string, unknown>;

export const seedChartersExtension =
  (strapi: Core.Strapi) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ({ nexus }: { nexus: any }) => {
    const charters = () => strapi.service('api::charter.consent') as ChartersService;
    const split = ({ documentId, ...rest }: Args) => ({ documentId: documentIdOf({ documentId }), body: withoutNulls(rest) });
    const answers = {
      consentToRevision: 'consent',
      objectToRevision: 'object',
    } as const;
    return {
      types: [
        nexus.objectType({
          name: 'CharterSignature',
          definition(t: any) {
            t.nonNull.id('documentId');
            t.nonNull.id('charter');
            t.nonNull.string('name');
            t.string('organisation');
            t.nonNull.string('signedOn');
            t.nonNull.boolean('readAndApproved');
          },
        }),
        nexus.objectType({
          name: 'RevisedArticle',
          definition(t: any) {
            t.nonNull.int('number');
            t.nonNull.string('title');
            t.string('body');
          },
        }),
        nexus.inputObjectType({
          name: 'RevisedArticleInput',
          definition(t: any) {
            t.nonNull.int('number');
            t.nonNull.string('title');
            t.string('body');
          },
        }),
        nexus.objectType({
          name: 'RevisionPerson',
          definition(t: any) {
            t.nonNull.id('documentId');
            t.string('displayName');
          },
        }),
        nexus.objectType({
          name: 'RevisionAnswer',
          definition(t: any) {
            t.field('member', { type: 'RevisionPerson' });
            t.nonNull.string('answer', { description: 'consent or object' });
            t.string('comment');
            t.nonNull.string('createdAt');
          },
        }),
        nexus.objectType({
          name: 'CharterRevision',
          definition(t: any) {
            t.nonNull.id('documentId');
            t.nonNull.id('charter');
            t.nonNull.string('locale');
            t.nonNull.string('state', { description: 'proposed, adopted, blocked or withdrawn' });
            t.nonNull.string('reason');
            t.nonNull.list.nonNull.field('articles', { type: 'RevisedArticle' });
            t.field('proposer', { type: 'RevisionPerson' });
            t.nonNull.int('awaiting', { description: 'Signatories still to answer while the revision is proposed.' });
            t.nonNull.list.nonNull.field('answers', { type: 'RevisionAnswer' });
            t.nonNull.string('createdAt');
            t.string('decidedAt');
          },
        }),
        nexus.objectType({
          name: 'CharterVersion',
          definition(t: any) {
            t.nonNull.int('version');
            t.nonNull.string('locale');
            t.nonNull.string('title');
            t.nonNull.string('publishedOn');
            t.nonNull.field('text', { type: 'JSON', description: 'The charter as published: title, intention, articles, roles, term, profit split, dispute steps, licence…' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.list.nonNull.field('charterVersions', {
              type: 'CharterVersion',
              args: { documentId: nexus.nonNull(nexus.idArg()), locale: nexus.stringArg() },
              resolve: (_parent: unknown, args: Args) => {
                const { documentId, body } = split(args);
                return charters().versions(documentId, parse(versionsQuery, body).locale);
              },
            });
            t.nonNull.list.nonNull.field('charterRevisions', {
              type: 'CharterRevision',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: Args) => charters().revisions(documentIdOf(args)),
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: any) {
            t.nonNull.field('signCharter', {
              type: 'CharterSignature',
              args: { documentId: nexus.nonNull(nexus.idArg()), name: nexus.stringArg(), organisation: nexus.stringArg(), readAndApproved: nexus.nonNull(nexus.booleanArg()) },
              resolve: (_parent: unknown, args: Args, context: GraphqlContext) => {
                const { documentId, body } = split(args);
                const { name, organisation } = parse(signatureBody, body);
                return charters().sign(callerOf(context.state), documentId, { name, organisation });
              },
            });
            t.nonNull.field('proposeCharterRevision', {
              type: 'CharterRevision',
              args: {
                documentId: nexus.nonNull(nexus.idArg()),
                locale: nexus.stringArg(),
                reason: nexus.nonNull(nexus.stringArg()),
                articles: nexus.nonNull(nexus.list(nexus.nonNull('RevisedArticleInput'))),
              },
              resolve: (_parent: unknown, args: Args, context: GraphqlContext) => {
                const { documentId, body } = split(args);
                return charters().propose(callerOf(context.state), documentId, parse(revisionBody, body));
              },
            });
            for (const [name, answer] of Object.entries(answers)) {
              t.nonNull.field(name, {
                type: 'CharterRevision',
                args: { documentId: nexus.nonNull(nexus.idArg()), comment: nexus.stringArg() },
                resolve: (_parent: unknown, args: Args, context: GraphqlContext) => {
                  const { documentId, body } = split(args);
                  return charters().answer(callerOf(context.state), documentId, answer, parse(revisionAnswerBody, body).comment);
                },
              });
            }
            t.nonNull.field('withdrawRevision', {
              type: 'CharterRevision',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              resolve: (_parent: unknown, args: Args, context: GraphqlContext) => charters().withdraw(callerOf(context.state), documentIdOf(args)),
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.charterVersions': { auth: { scope: ['api::charter.consent.versions'] } },
        'Query.charterRevisions': { auth: { scope: ['api::charter.consent.revisions'] } },
        'Mutation.signCharter': { auth: { scope: ['api::charter.consent.sign'] } },
        'Mutation.proposeCharterRevision': { auth: { scope: ['api::charter.consent.propose'] } },
        'Mutation.consentToRevision': { auth: { scope: ['api::charter.consent.consent'] } },
        'Mutation.objectToRevision': { auth: { scope: ['api::charter.consent.object'] } },
        'Mutation.withdrawRevision': { auth: { scope: ['api::charter.consent.withdraw'] } },
      },
    };
  };
