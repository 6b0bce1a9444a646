/** Reading accounts: a member's own, with its entries newest first. */
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import { seedStores } from '../stores';
import type { AccountRow } from '../stores/ledger';
import { memberAccountKey, type LedgerService } from './ledger';
import type { MembersService } from './members';
import { userIdOf, type Caller } from '../caller';


export interface AccountEntry {
  documentId: string;
  kind: string;
  /** Positive when the points came in, negative when they went out. */
  amount: number;
  memo: string | null;
  createdAt: string;
}

export interface AccountView {
  pointType: string;
  balance: number;
  reserved: number;
  available: number;
  entries: AccountEntry[];
  pagination: { page: number; pageSize: number; total: number };
}

export const MAX_PAGE_SIZE = 100;


const accountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = () => strapi.service('plugin::seed.ledger') as LedgerService;

  /** The account with one page of its entries, newest first; amounts signed from its side. */
  const view = async (account: Pick<AccountRow, 'id' | 'balance' | 'reserved'>, pointType: string, page: number, pageSize: number): Promise<AccountView> => {
    const { entries, total } = await seedStores(strapi).ledger.entriesOf(account.id, page, pageSize);
    return {
      pointType,
      balance: account.balance,
      reserved: account.reserved,
      available: account.balance - account.reserved,
      entries: entries.map(({ incoming, ...entry }) => ({ ...entry, amount: incoming ? entry.amount : -entry.amount })),
      pagination: { page, pageSize, total },
    };
  };

  const ofMember = async (memberDocumentId: string, pointTypeCode: string, page = 1, pageSize = 25): Promise<AccountView> => {
    const pointType = await ledger().pointType(pointTypeCode);
    const account = await seedStores(strapi).ledger.account({ key: memberAccountKey(memberDocumentId, pointType.code) });
    if (!account) {
      // Accounts open on activation: until then the member simply has nothing.
      return { pointType: pointType.code, balance: 0, reserved: 0, available: 0, entries: [], pagination: { page, pageSize, total: 0 } };
    }
    return view(account, pointType.code, page, pageSize);
  };

  return {
    /** The caller's own account: members only. */
    async mine(caller: Caller, pointTypeCode: string, page?: number, pageSize?: number): Promise<AccountView> {
      const userId = userIdOf(caller);
      const member = userId !== undefined && (await (strapi.service('plugin::seed.members') as MembersService).memberOfUser(userId));
      if (!member) {
        throw new CodedError('NOT_A_MEMBER', 'Only members have an account.');
      }
      return ofMember(member.documentId, pointTypeCode, page, pageSize);
    },

    /** Any account, by its documentId: for staff. */
    async byDocumentId(documentId: string, page = 1, pageSize = 25): Promise<AccountView & { key: string }> {
      const account = await seedStores(strapi).ledger.account({ documentId });
      if (!account) throw new CodedError('NOT_FOUND', `There is no account ${documentId}.`);
      return { key: account.key, ...(await view(account, account.pointType.code, page, pageSize)) };
    },
  };
};

export type AccountsService = ReturnType<typeof accountsService>;
export default accountsService;
