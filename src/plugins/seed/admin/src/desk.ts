/**
 * The staff desk: what each SEED model offers in its Content Manager edit view. One row per admin
 * route; the labels, confirmations and result messages are in translations/, under `<key>.label`,
 * `<key>.confirm` and `<key>.done` (the result message may use {name}, the form's values and the
 * route's answer fields, e.g. {granted}).
 */
export type SeedDocument = { documentId?: string; state?: string; [field: string]: unknown };

export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'select';
export interface DeskField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** For a select: the values, labelled by `option.<value>`. */
  options?: string[];
  min?: number;
  max?: number;
}

export interface DeskAction {
  /** The server's action, `<area>.<action>`: the admin permission `plugin::seed.<key>` and the translation keys' prefix. */
  key: string;
  method: 'POST' | 'GET';
  /** `:documentId` is the open document's. */
  path: string;
  fields?: DeskField[];
  /** The body the route takes, when it is not just the form's values. */
  body?: (values: Record<string, unknown>, document: SeedDocument) => object;
  /** Offered only for these states (the server refuses the others anyway). */
  states?: string[];
  when?: (document: SeedDocument) => boolean;
  danger?: boolean;
  /** Irreversible: the staff member types the member's name to confirm. */
  typeName?: boolean;
  /** A GET whose answer is saved as this file instead of changing anything. */
  download?: (documentId: string) => string;
}

const reason: DeskField = { name: 'reason', kind: 'textarea', required: true };

export const DESK: Record<string, DeskAction[]> = {
  'plugin::seed.member': [
    {
      key: 'members.interview',
      method: 'POST',
      path: '/seed/members/:documentId/interview',
      states: ['applicant', 'interviewed'],
      fields: [
        { name: 'date', kind: 'date', required: true },
        { name: 'interviewer', kind: 'text', required: true },
        { name: 'notes', kind: 'textarea' },
      ],
    },
    { key: 'members.activate', method: 'POST', path: '/seed/members/:documentId/activate', states: ['interviewed', 'suspended'] },
    {
      key: 'memberships.join',
      method: 'POST',
      path: '/seed/memberships',
      states: ['applicant', 'interviewed', 'active', 'suspended'],
      fields: [{ name: 'year', kind: 'number', min: 2000, max: 2100 }],
      body: (values, document) => ({ ...values, member: document.documentId }),
    },
    { key: 'members.suspend', method: 'POST', path: '/seed/members/:documentId/suspend', states: ['active'], danger: true },
    { key: 'members.leave', method: 'POST', path: '/seed/members/:documentId/leave', states: ['applicant', 'interviewed', 'active', 'suspended'], danger: true },
    { key: 'members.export', method: 'GET', path: '/seed/members/:documentId/export', download: (documentId) => `membre-${documentId}.json` },
    { key: 'members.erase', method: 'POST', path: '/seed/members/:documentId/erase', when: (document) => !document.erasedAt, danger: true, typeName: true },
    {
      key: 'badges.award',
      method: 'POST',
      path: '/seed/badges/awards',
      states: ['active'],
      fields: [
        { name: 'badge', kind: 'text', required: true },
        { name: 'evidence', kind: 'text' },
      ],
      body: (values, document) => ({ ...values, member: document.documentId }),
    },
    { key: 'ranks.demote', method: 'POST', path: '/seed/members/:documentId/demote', states: ['active', 'suspended'], fields: [{ name: 'rank', kind: 'text', required: true }, reason], danger: true },
  ],
  'plugin::seed.mission': [
    { key: 'missions.validate', method: 'POST', path: '/seed/missions/:documentId/validate', states: ['submitted'] },
    { key: 'missions.open', method: 'POST', path: '/seed/missions/:documentId/open', states: ['validated'] },
    { key: 'missions.answered', method: 'POST', path: '/seed/missions/:documentId/answered', states: ['open'] },
    {
      key: 'missions.outcome',
      method: 'POST',
      path: '/seed/missions/:documentId/outcome',
      states: ['open', 'answered'],
      fields: [
        { name: 'outcome', kind: 'select', required: true, options: ['won', 'lost', 'closed'] },
        { name: 'chosenResponse', kind: 'text' },
      ],
    },
    { key: 'missions.reject', method: 'POST', path: '/seed/missions/:documentId/reject', when: (document) => document.state !== 'rejected', fields: [reason], danger: true },
  ],
  'plugin::seed.exchange': [
    {
      key: 'exchanges.resolve',
      method: 'POST',
      path: '/seed/exchanges/:documentId/resolve',
      states: ['disputed'],
      fields: [{ name: 'outcome', kind: 'select', required: true, options: ['settle', 'cancel'] }, reason],
    },
    {
      key: 'exchanges.evaluate',
      method: 'POST',
      path: '/seed/exchanges/:documentId/evaluate',
      states: ['delivered'],
      fields: [
        { name: 'rating', kind: 'number', required: true, min: 1, max: 5 },
        { name: 'comment', kind: 'textarea' },
      ],
    },
  ],
  'plugin::seed.award': [
    { key: 'awards.approve', method: 'POST', path: '/seed/awards/:documentId/approve', states: ['pending'] },
    { key: 'awards.refuse', method: 'POST', path: '/seed/awards/:documentId/refuse', states: ['pending'], danger: true },
  ],
  'plugin::seed.membership': [
    { key: 'memberships.refund', method: 'POST', path: '/seed/memberships/:documentId/refund', when: (document) => !document.refundedOn, danger: true },
  ],
  'plugin::seed.rank-change': [
    { key: 'ranks.confirm', method: 'POST', path: '/seed/ranks/promotions/:documentId/confirm', states: ['pending'] },
    { key: 'ranks.refuse', method: 'POST', path: '/seed/ranks/promotions/:documentId/refuse', states: ['pending'], fields: [reason], danger: true },
  ],
  'plugin::seed.badge-award': [
    { key: 'badges.revoke', method: 'POST', path: '/seed/badges/assertions/:documentId/revoke', when: (document) => !document.revokedAt, fields: [reason], danger: true },
  ],
  'plugin::seed.outbox-message': [
    { key: 'outbox.redeliver', method: 'POST', path: '/seed/outbox/:documentId/redeliver', states: ['failed', 'pending'] },
  ],
};

export const isOffered = (action: DeskAction, document: SeedDocument): boolean =>
  (!action.states || action.states.includes(String(document.state))) && (action.when?.(document) ?? true);

/** The name staff know the document by, in messages. */
export const nameOf = (document: SeedDocument): string => String(document.displayName ?? document.documentId ?? '');
