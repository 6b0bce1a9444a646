/** Inputs of the SEED's REST routes: one zod schema each, unknown keys refused. */
import { z } from 'zod';
import { CodedError } from './errors/codes';
import { MEMBER_STATES } from './domain/members/member-state';
import { MISSION_MODES, VISIBLE_STATES } from './domain/missions/mission';
import { DEFAULT_POINT_TYPE } from './domain/ledger/types';
import { DATASETS } from './domain/reports/exports';

export const documentIdParams = z.strictObject({ documentId: z.string().min(1).max(64) });

/** A webhook source's name, as the route names it; unknown ones are the service's 404. */
export const sourceParams = z.strictObject({ source: z.string() });

/** The route's :documentId. Only that param is read: Strapi may add others (a catch-all's "0"). */
export const documentIdOf = (params: Record<string, unknown>): string => parse(documentIdParams, { documentId: params.documentId }).documentId;

export const accountQuery = z.strictObject({
  pointType: z.string().min(1).max(16).default(DEFAULT_POINT_TYPE),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const proposalBody = z.strictObject({
  /** The other member's documentId. */
  counterpart: z.string().min(1).max(64),
  /** The proposer's own side: they provide the service, or they receive it. */
  side: z.enum(['provider', 'beneficiary']),
  pointType: z.string().min(1).max(16).default(DEFAULT_POINT_TYPE),
  description: text(2000),
  hours: z.number().positive().max(1000),
  // The domain refuses zero and fractions with its own code; here only the type is checked.
  amount: z.number(),
});

export const evaluationBody = z.strictObject({
  rating: z.number(),
  comment: z.string().trim().max(2000).optional(),
});

export const resolutionBody = z.strictObject({
  outcome: z.enum(['settle', 'cancel']),
  reason: text(500),
});

/** The input of an operation that takes none: any field in its body (or a GET's query) is refused. */
export const emptyBody = z.strictObject({});

export const adjustmentBody = z.strictObject({
  direction: z.enum(['credit', 'debit']),
  amount: z.number(),
  reason: text(500),
  /** The same key twice pays once and answers the first result (REST: the `Idempotency-Key` header). */
  idempotencyKey: z.string().min(1).max(200).optional(),
});

export const reversalBody = z.strictObject({ reason: text(500) });

export const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'not a calendar date');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const interviewBody = z.strictObject({
  date: isoDate,
  interviewer: text(200),
  notes: z.string().trim().max(10000).optional(),
});

export const profileBody = z.strictObject({
  displayName: text(120).optional(),
  headline: optionalText(200),
  skills: z.array(text(60)).max(20).optional(),
  presentation: optionalText(5000),
  phone: z.string().trim().regex(/^\+?[0-9 ().-]{6,40}$/, 'expected a phone number').nullable().optional(),
  publicProfile: z.boolean().optional(),
  onLeaderboard: z.boolean().optional(),
});

/** A track is a rank's code (apprentice, companion, trainer in the demo; staff define their own). */
export const directoryQuery = pageQuery.extend({
  track: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a rank’s code').optional(),
  /** A fragment of a display name, headline or skill. */
  search: z.string().trim().min(1).max(60).optional(),
});

export const membersQuery = pageQuery.extend({ state: z.enum(MEMBER_STATES).optional() });

const year = z.coerce.number().int().min(2000).max(2999);

export const yearParams = z.strictObject({ year });

/** Every account's balance, for the staff desk: searched by holder name, sorted by name or balance. */
export const balancesQuery = z.strictObject({
  search: z.string().trim().max(120).optional(),
  sort: z.enum(['holder', 'balance']).default('holder'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const monthlyQuery = z.strictObject({ pointType: z.string().min(1).max(16).default(DEFAULT_POINT_TYPE) });

export const datasetParams = z.strictObject({ dataset: z.enum(DATASETS) });

export const joinBody = z.strictObject({
  /** The current year when absent. */
  year: year.optional(),
  /** Staff only: the member they register. */
  member: z.string().min(1).max(64).optional(),
});

export const missionBody = z.strictObject({
  title: text(200),
  /** What anyone may read. */
  summary: text(2000),
  /** For members only. */
  details: text(10000).optional(),
  prospectContact: text(1000).optional(),
  mode: z.enum(MISSION_MODES),
});

export const missionsQuery = pageQuery.extend({ state: z.enum(VISIBLE_STATES).optional() });

export const missionRejectionBody = z.strictObject({ reason: text(500) });

export const missionOutcomeBody = z.strictObject({
  outcome: z.enum(['won', 'lost', 'closed']),
  /** The proposal the client chose, when a comparative mission is won. */
  chosenResponse: z.string().min(1).max(64).optional(),
});

export const missionResponseBody = z.strictObject({ text: text(5000).optional() });

export const missionFlagBody = z.strictObject({ reason: text(1000) });

export const signatureBody = z.strictObject({
  /** The signatory's name as printed under the charter; the member's display name when absent. */
  name: text(200).optional(),
  organisation: text(200).optional(),
  readAndApproved: z.literal(true, { message: 'a charter is signed as “read and approved”: send true' }),
});

const locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a locale code such as fr or en');

export const revisionBody = z.strictObject({
  /** The charter's locale the new text is written in: the default locale (fr) when absent. */
  locale: locale.optional(),
  reason: text(2000),
  articles: z
    .array(z.strictObject({ number: z.number().int().min(1).max(10000), title: text(300), body: z.string().trim().max(20000).nullable().optional() }))
    .min(1)
    .max(100),
});

export const revisionAnswerBody = z.strictObject({ comment: text(2000).optional() });

export const versionsQuery = z.strictObject({ locale: locale.optional() });

/** Parses or refuses with 400 INVALID_INPUT naming each wrong field. */
export const parse = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, name: 'ValidationError' }));
  throw new CodedError('INVALID_INPUT', errors.map((e) => `${e.path.join('.') || 'input'}: ${e.message}`).join('; '), { errors });
};

/** A yes/no in a query string (`true`/`false`) or a JSON body. */
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

export const notificationsQuery = z.strictObject({
  unreadOnly: flag.default(false),
  first: z.coerce.number().int().min(0).max(100).default(20),
  /** The endCursor of the previous page. */
  after: z.string().min(1).max(200).optional(),
});

export const markReadBody = z.strictObject({
  ids: z.array(z.string().min(1).max(64)).max(100).optional(),
  all: z.boolean().optional(),
});

export const notificationSettingsBody = z.strictObject({
  /** One weekly mail with the week's unread notifications instead of a mail for each. */
  digest: z.boolean().optional(),
  /** Mail on or off, kind by kind. */
  email: z.array(z.strictObject({ kind: z.string().min(1).max(60), enabled: z.boolean() })).max(100).optional(),
});

/** An unsubscribe link's token, in its query string. */
export const unsubscribeQuery = z.strictObject({ token: z.string().min(1).max(500) });

/** Ranks' and badges' requirements as staff write them in the admin (domain/gamification/requirements). */
const count = z.number().int().min(1).max(1_000_000);
export const requirementSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('pointsEarned'),
    min: count,
    months: z.number().int().min(1).max(120).optional(),
    kinds: z.array(z.enum(['grant', 'reward', 'exchange', 'adjustment'])).min(1).optional(),
    pointType: z.string().min(1).max(16).optional(),
  }),
  z.strictObject({ type: z.enum(['servicesGiven', 'servicesReceived', 'missionsBrought', 'missionsWon', 'membershipMonths', 'chartersSigned']), min: count }),
  z.strictObject({ type: z.literal('trainingsGiven'), min: count, eventType: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('badgeHeld'), badge: z.string().min(1).max(40) }),
]);
export const requirementsSchema = z.array(requirementSchema).max(20);
/** A badge's levels: thresholds of its first criterion, increasing. */
export const levelsSchema = z
  .array(count)
  .min(1)
  .max(20)
  .refine((levels) => levels.every((level, i) => i === 0 || level > levels[i - 1]), 'levels increase')
  .nullable();

const periodEnum = z.enum(['WEEK', 'MONTH', 'YEAR', 'ALL']);

export const leaderboardQuery = z.strictObject({
  pointType: z.string().min(1).max(16).default(DEFAULT_POINT_TYPE),
  period: periodEnum.default('MONTH'),
  first: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().min(1).max(40).optional(),
});

export const positionQuery = z.strictObject({ pointType: z.string().min(1).max(16).default(DEFAULT_POINT_TYPE), period: periodEnum.default('MONTH') });

export const assertionParams = z.strictObject({ id: z.string().min(1).max(64) });

export const reasonBody = z.strictObject({ reason: text(500) });

export const awardBadgeBody = z.strictObject({
  /** The member's documentId. */
  member: z.string().min(1).max(64),
  /** The badge's code or documentId. */
  badge: z.string().min(1).max(64),
  level: z.number().int().min(1).max(20).optional(),
  /** Why, as the assertion's evidence. */
  evidence: z.string().trim().min(1).max(255).optional(),
});

export const demotionBody = z.strictObject({ rank: z.string().min(1).max(40), reason: text(500) });
