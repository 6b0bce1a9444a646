/** Reading accounts: a member's own, with its entries newest first. */
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import { entryLine } from '../domain/ledger/entry-line';
import { seedStores } from '../stores';
import type { AccountRow } from '../stores/ledger';
import { memberAccountKey, type LedgerService } from './ledger';
import type { MembersService, Profile } from './members';
import { userIdOf, type Caller } from '../caller';


export interface AccountEntry {
  documentId: string;
  kind: string;
  /** Positive when the points came in, negative when they went out. */
  amount: number;
  memo: string | null;
  /** The member on the other side, by their display name now; null for the SEED itself. */
  counterpart: string | null;
  /** The entry in words, naming who and what as they are now ("Échange avec Marc Lefèvre : relecture d’un devis"). */
  line: string;
  createdAt: string;
}

/** What the staff desk shows beside a member: their accounts, this year's membership, their last entries. */
export interface MemberSummary {
  member: Profile;
  accounts: { documentId: string; pointType: string; balance: number; reserved: number; available: number }[];
  membership: { documentId: string; year: number; refunded: boolean } | null;
  lastEntries: (AccountEntry & { pointType: string })[];
}

const LAST_ENTRIES = 10;

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
      entries: entries.map(({ incoming, exchange, ...entry }) => ({ ...entry, amount: incoming ? entry.amount : -entry.amount, line: entryLine({ ...entry, exchange }) })),
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

    async summary(memberDocumentId: string, year: number): Promise<MemberSummary> {
      const members = strapi.service('plugin::seed.members') as MembersService;
      const row = await members.findMember({ documentId: memberDocumentId });
      if (!row) throw new CodedError('MEMBER_NOT_FOUND', `There is no member ${memberDocumentId}.`);
      const member = await members.profileOf(memberDocumentId);
      const stores = seedStores(strapi);
      const accounts = (
        await Promise.all((await stores.ledger.pointTypes()).map((pointType) => stores.ledger.account({ key: memberAccountKey(member.documentId, pointType.code) })))
      ).filter((account): account is AccountRow => account !== null);
      const pages = await Promise.all(accounts.map(async (account) => (await view(account, account.pointType.code, 1, LAST_ENTRIES)).entries.map((entry) => ({ ...entry, pointType: account.pointType.code }))));
      const membership = (await stores.memberships.membershipsOf(row.id)).find((row) => row.year === year);
      return {
        member,
        accounts: accounts.map((account) => ({ documentId: account.documentId, pointType: account.pointType.code, balance: account.balance, reserved: account.reserved, available: account.balance - account.reserved })),
        membership: membership ? { documentId: membership.documentId, year: membership.year, refunded: membership.refundedOn !== null } : null,
        lastEntries: pages
          .flat()
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
          .slice(0, LAST_ENTRIES),
      };
    },

    /** Any account, by its documentId, with its holder's name (null for the SEED's own): for staff. */
    async byDocumentId(documentId: string, page = 1, pageSize = 25): Promise<AccountView & { key: string; holder: string | null }> {
      const account = await seedStores(strapi).ledger.account({ documentId });
      if (!account) throw new CodedError('NOT_FOUND', `There is no account ${documentId}.`);
      return { key: account.key, holder: await seedStores(strapi).reports.holderOf(account.id), ...(await view(account, account.pointType.code, page, pageSize)) };
    },
  };
};

export type AccountsService = ReturnType<typeof accountsService>;
export default accountsService;
