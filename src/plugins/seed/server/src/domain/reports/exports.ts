/**
 * The CSV exports staff open in a spreadsheet: their columns, French headers, and each value as
 * the sheet should show it (dates as ISO 8601, kinds and states in French, names or "SEED").
 */
export type Dataset = 'ledger' | 'exchanges' | 'memberships';
export const DATASETS: readonly Dataset[] = ['ledger', 'exchanges', 'memberships'];

const ENTRY_KINDS: Record<string, string> = { grant: 'Dotation', reward: 'Récompense', exchange: 'Échange', adjustment: 'Ajustement', reversal: 'Contre-passation' };
const EXCHANGE_STATES: Record<string, string> = { proposed: 'Proposé', accepted: 'Accepté', delivered: 'Livré', settled: 'Réglé', disputed: 'Contesté', cancelled: 'Annulé' };
/** The SEED's own account: where grants come from and clawbacks go. */
const ISSUER = 'SEED';

/** A stored datetime (epoch ms on SQLite, DATETIME on MySQL) as ISO 8601; empty when absent. */
const iso = (value: unknown): string => (value === null || value === undefined ? '' : new Date(value as string | number | Date).toISOString());
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

type Row = Record<string, unknown>;
export interface Column {
  header: string;
  value(row: Row): string | number;
}

export const EXPORTS: Record<Dataset, { filename: string; columns: Column[] }> = {
  ledger: {
    filename: 'registre',
    columns: [
      { header: 'Date', value: (row) => iso(row.created_at) },
      { header: 'Nature', value: (row) => ENTRY_KINDS[text(row.kind)] ?? text(row.kind) },
      { header: 'Montant', value: (row) => Number(row.amount) },
      { header: 'Type de points', value: (row) => text(row.code) },
      { header: 'De', value: (row) => text(row.giver) || ISSUER },
      { header: 'Vers', value: (row) => text(row.receiver) || ISSUER },
      { header: 'Mémo', value: (row) => text(row.memo) },
      { header: 'Par', value: (row) => `${text(row.actor_type)}:${text(row.actor_id)}` },
      { header: 'Clé', value: (row) => text(row.key) },
    ],
  },
  exchanges: {
    filename: 'echanges',
    columns: [
      { header: 'Proposé le', value: (row) => iso(row.created_at) },
      { header: 'Prestataire', value: (row) => text(row.provider) },
      { header: 'Bénéficiaire', value: (row) => text(row.beneficiary) },
      { header: 'Description', value: (row) => text(row.description) },
      { header: 'Heures', value: (row) => Number(row.hours) },
      { header: 'Montant', value: (row) => Number(row.amount) },
      { header: 'Type de points', value: (row) => text(row.code) },
      { header: 'État', value: (row) => EXCHANGE_STATES[text(row.state)] ?? text(row.state) },
      { header: 'Note', value: (row) => text(row.rating) },
      { header: 'Accepté le', value: (row) => iso(row.accepted_at) },
      { header: 'Livré le', value: (row) => iso(row.delivered_at) },
      { header: 'Clos le', value: (row) => iso(row.closed_at) },
    ],
  },
  memberships: {
    filename: 'adhesions',
    columns: [
      { header: 'Année', value: (row) => Number(row.year) },
      { header: 'Membre', value: (row) => text(row.member) },
      { header: 'Cotisation (centimes)', value: (row) => Number(row.fee_cents) },
      { header: 'Payée le', value: (row) => text(row.paid_on) },
      { header: 'Remboursée le', value: (row) => text(row.refunded_on) },
    ],
  },
};

/** One stored row as the export's line, in column order. */
export const lineOf = (dataset: Dataset, row: Row): (string | number)[] => EXPORTS[dataset].columns.map((column) => column.value(row));
