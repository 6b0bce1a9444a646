/** The mission bank: anyone reads validated missions' summaries; members bring, read, answer and flag them; staff keep the bank. */
import { operation, type Operation } from './operation';
import {
  documentIdParams,
  emptyBody,
  missionBody,
  missionFlagBody,
  missionOutcomeBody,
  missionRejectionBody,
  missionResponseBody,
  missionsQuery,
} from '../validators';

const missionArgs = { documentId: 'ID!' };

/** A step staff take on a mission without saying more. */
const staffStep = (step: 'validate' | 'open' | 'answered', name: string, desk: string, run: Operation<{ documentId: string }, Record<string, never>>['run']) =>
  operation({
    action: `missions.${step}`,
    who: 'staff',
    desk,
    params: documentIdParams,
    input: emptyBody,
    run,
    rest: { method: 'POST', path: `/missions/:documentId/${step}` },
    graphql: { kind: 'mutation', name, type: 'MissionDetail!', args: missionArgs },
  });

export const missionsOperations = [
  operation({
    action: 'missions.list',
    who: 'public',
    input: missionsQuery,
    paged: 'missions',
    run: ({ services, input }) => services.missions.list(input.page, input.pageSize, input.state),
    rest: { method: 'GET', path: '/missions' },
    graphql: { kind: 'query', name: 'missions', type: 'MissionList!', args: { state: 'String', page: 'Int', pageSize: 'Int' } },
  }),
  // Before /missions/:documentId, which would otherwise take "review" for a documentId.
  operation({
    action: 'missions.review',
    who: 'staff',
    desk: 'Voir les missions à examiner',
    input: emptyBody,
    run: ({ services }) => services.missions.review(),
    rest: { method: 'GET', path: '/missions/review' },
    graphql: { kind: 'query', name: 'missionsForReview', type: '[MissionDetail!]!' },
  }),
  // Details and the prospect's contact, for members who take part, the member who brought it, and staff.
  operation({
    action: 'missions.findOne',
    who: 'member',
    desk: 'Lire une mission en entier',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, caller, params }) => services.missions.detail(caller, params.documentId),
    rest: { method: 'GET', path: '/missions/:documentId' },
    graphql: { kind: 'query', name: 'mission', type: 'MissionDetail!', args: missionArgs },
  }),
  operation({
    action: 'missions.flags',
    who: 'staff',
    desk: 'Voir les signalements d’une mission',
    params: documentIdParams,
    input: emptyBody,
    run: ({ services, params }) => services.missions.flags(params.documentId),
    rest: { method: 'GET', path: '/missions/:documentId/flags' },
    graphql: { kind: 'query', name: 'missionFlags', type: '[MissionFlag!]!', args: missionArgs },
  }),
  operation({
    action: 'missions.submit',
    who: 'member',
    input: missionBody,
    run: ({ services, caller, input }) => services.missions.submit(caller, input),
    rest: { method: 'POST', path: '/missions', status: 201 },
    graphql: { kind: 'mutation', name: 'submitMission', type: 'MissionDetail!', args: { input: 'SubmitMissionInput!' }, inputArg: 'input' },
  }),
  // Pays the mission-brought reward, once.
  staffStep('validate', 'validateMission', 'Valider une mission', ({ services, caller, params }) => services.missions.validate(caller, params.documentId)),
  // Takes the reward back from a mission found fake.
  operation({
    action: 'missions.reject',
    who: 'staff',
    desk: 'Rejeter une mission (fausse)',
    params: documentIdParams,
    input: missionRejectionBody,
    run: ({ services, caller, params, input }) => services.missions.reject(caller, params.documentId, input.reason),
    rest: { method: 'POST', path: '/missions/:documentId/reject' },
    graphql: { kind: 'mutation', name: 'rejectMission', type: 'MissionDetail!', args: { ...missionArgs, reason: 'String!' } },
  }),
  staffStep('open', 'openMission', 'Ouvrir une mission', ({ services, params }) => services.missions.open(params.documentId)),
  staffStep('answered', 'markMissionAnswered', 'Marquer une mission comme répondue', ({ services, params }) => services.missions.markAnswered(params.documentId)),
  operation({
    action: 'missions.outcome',
    who: 'staff',
    desk: 'Enregistrer l’issue d’une mission',
    params: documentIdParams,
    input: missionOutcomeBody,
    run: ({ services, params, input }) => services.missions.recordOutcome(params.documentId, input.outcome, input.chosenResponse),
    rest: { method: 'POST', path: '/missions/:documentId/outcome' },
    graphql: { kind: 'mutation', name: 'recordMissionOutcome', type: 'MissionDetail!', args: { ...missionArgs, outcome: 'String!', chosenResponse: 'ID' } },
  }),
  operation({
    action: 'missions.respond',
    who: 'member',
    params: documentIdParams,
    input: missionResponseBody,
    run: ({ services, caller, params, input }) => services.missions.respond(caller, params.documentId, input.text),
    rest: { method: 'POST', path: '/missions/:documentId/respond', status: 201 },
    graphql: { kind: 'mutation', name: 'respondToMission', type: 'MissionDetail!', args: { ...missionArgs, text: 'String' } },
  }),
  operation({
    action: 'missions.flag',
    who: 'member',
    params: documentIdParams,
    input: missionFlagBody,
    run: ({ services, caller, params, input }) => services.missions.flag(caller, params.documentId, input.reason),
    rest: { method: 'POST', path: '/missions/:documentId/flag', status: 201 },
    graphql: { kind: 'mutation', name: 'flagMission', type: 'MissionFlagged!', args: { ...missionArgs, reason: 'String!' } },
  }),
];
