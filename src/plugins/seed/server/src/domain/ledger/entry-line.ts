/**
 * What an entry says to whoever reads an account's history, in French: an exchange names the
 * member on the other side and the service, as they are now; any other entry reads its memo.
 */
export interface EntryFacts {
  kind: string;
  memo: string | null;
  /** The other side's member, by name; null for the SEED itself. */
  counterpart: string | null;
  /** The exchange's description, for an exchange's entry. */
  exchange: string | null;
}

export const entryLine = ({ kind, memo, counterpart, exchange }: EntryFacts): string => {
  if (kind === 'exchange' && exchange !== null) return `Échange avec ${counterpart ?? 'un membre'} : ${exchange}`;
  return memo ?? '';
};
