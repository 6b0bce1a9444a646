/**
 * The SEED ledger's plain data: what the rules read and what they decide. No Strapi here.
 * Amounts are integers of one point type (the TS by default); money never appears.
 */

/** The point type used when none is named: the TS ("téléservice", seed 004), created at the first start. */
export const DEFAULT_POINT_TYPE = 'TS';

/** A point type's settings, edited by staff in the admin. */
export interface PointTypeSettings {
  code: string;
  startingGrant: number;
  /** The lowest available balance a member's account may reach. */
  floor: number;
  /** The highest balance a member's account may reach; null for none. */
  ceiling: number | null;
}

export interface AccountState {
  id: number;
  balance: number;
  reserved: number;
  /** The association's issuing account: grants and rewards come from it; it alone may go below the floor. */
  isIssuer: boolean;
}

export type EntryKind = 'grant' | 'reward' | 'exchange' | 'adjustment' | 'reversal';

/** Who made a movement happen. */
export type Actor =
  | { type: 'member'; id: string }
  | { type: 'staff'; id: string }
  | { type: 'system'; id: string }
  | { type: 'webhook'; id: string };

/** An entry the ledger is to write: immutable once written. */
export interface EntryDraft {
  /** Unique in the database: the same event never pays twice. */
  key: string;
  kind: EntryKind;
  from: number;
  to: number;
  amount: number;
  memo: string;
  actor: Actor;
  /** The entry a reversal undoes. */
  reverses?: number;
  /** The exchange a settlement pays. */
  exchange?: number;
  /** Takes back points found undeserved: the account it debits may fall below the floor. */
  clawback?: boolean;
}

export { accept, refuse, type Decision } from '../decision';
