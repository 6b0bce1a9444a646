/**
 * Revising a charter by consent (seeds 001–002: "la charte se révise par consentement des
 * signataires"). A signatory proposes new text for some articles, with a reason; every member who
 * had signed when it was proposed is asked. One objection blocks it; the proposer may withdraw it
 * while it is open; the last consent adopts it, and the revised articles become the published
 * charter in the revision's locale. Proposing counts as the proposer's consent.
 */
import { accept, refuse, type Decision } from '../../plugins/seed/server/src/domain/decision';

export const REVISION_STATES = ['proposed', 'adopted', 'blocked', 'withdrawn'] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

export type RevisionAnswer = 'consent' | 'object';

export interface Article {
  number: number;
  title: string;
  body?: string | null;
}

/** One answer per signatory and revision. */
export const answerKey = (revisionDocumentId: string, memberDocumentId: string): string => `answer:${revisionDocumentId}:${memberDocumentId}`;

export interface Proposal {
  proposer: string;
  /** The members who signed the charter, by documentId. */
  signatories: string[];
  articles: Article[];
}

export interface ProposalDecision {
  /** Who is asked: the signatories when the revision is proposed. */
  electorate: string[];
  /** Adopted at once when the proposer is the only signatory. */
  state: RevisionState;
}

export const decideProposal = ({ proposer, signatories, articles }: Proposal): Decision<ProposalDecision> => {
  if (!signatories.includes(proposer)) return refuse('NOT_A_SIGNATORY', 'Sign the charter before proposing a revision of it.');
  const numbers = articles.map((article) => article.number);
  if (numbers.length === 0) return refuse('INVALID_INPUT', 'A revision changes at least one article.');
  if (new Set(numbers).size !== numbers.length) return refuse('INVALID_INPUT', 'Each article appears once in a revision.');
  const electorate = [...new Set(signatories)].sort();
  return accept({ electorate, state: electorate.length === 1 ? 'adopted' : 'proposed' });
};

export interface AnswerInput {
  state: RevisionState;
  electorate: string[];
  member: string;
  answer: RevisionAnswer;
  /** Members of the electorate who answered already, with their answer. */
  answered: Record<string, RevisionAnswer>;
}

/** The revision's state once the member answered. */
export const decideAnswer = ({ state, electorate, member, answer, answered }: AnswerInput): Decision<RevisionState> => {
  if (state !== 'proposed') return refuse('INVALID_STATE', `This revision is ${state}: it takes no more answers.`);
  if (!electorate.includes(member)) return refuse('NOT_A_SIGNATORY', 'Only the members who had signed the charter when the revision was proposed answer it.');
  if (answered[member] !== undefined) return refuse('ALREADY_ANSWERED', 'You already answered this revision.');
  if (answer === 'object') return accept('blocked');
  const consents = new Set([...Object.keys(answered).filter((who) => answered[who] === 'consent'), member]);
  return accept(electorate.every((who) => consents.has(who)) ? 'adopted' : 'proposed');
};

export const decideWithdrawal = ({ state, proposer, member }: { state: RevisionState; proposer: string; member: string }): Decision<RevisionState> => {
  if (member !== proposer) return refuse('NOT_ALLOWED', 'Only the member who proposed a revision withdraws it.');
  if (state !== 'proposed') return refuse('INVALID_STATE', `This revision is ${state}: it can no longer be withdrawn.`);
  return accept('withdrawn');
};

/** The charter's articles once the revision is adopted: revised ones replace those of the same number, new ones join, in order. */
export const mergeArticles = (current: Article[], revised: Article[]): Article[] => {
  const byNumber = new Map(current.map((article) => [article.number, article]));
  for (const article of revised) byNumber.set(article.number, article);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
};
