/**
 * The ledger's invariants, checked from the outside (`npm run ledger:check`): every cached
 * balance equals what its entries say, every reservation what its open exchanges hold, and all
 * accounts together sum to zero (points are only ever moved, never made or lost).
 */

export interface AccountTotals {
  id: number;
  key: string;
  balance: number;
  reserved: number;
  /** Sum of the entries into the account less the entries out of it. */
  entriesNet: number;
  /** What open exchanges hold on the account. */
  openReservations: number;
}

export const checkLedger = (accounts: readonly AccountTotals[]): string[] => {
  const problems: string[] = [];
  for (const account of accounts) {
    if (account.balance !== account.entriesNet) {
      problems.push(`${account.key}: balance ${account.balance} but its entries sum to ${account.entriesNet}`);
    }
    if (account.reserved !== account.openReservations) {
      problems.push(`${account.key}: reserved ${account.reserved} but its open exchanges hold ${account.openReservations}`);
    }
  }
  const total = accounts.reduce((sum, account) => sum + account.balance, 0);
  if (total !== 0) {
    problems.push(`all accounts sum to ${total}, not 0`);
  }
  return problems;
};
