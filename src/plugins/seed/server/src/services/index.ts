import accounts from './accounts';
import corrections from './corrections';
import deadlines from './deadlines';
import earnings from './earnings';
import exchanges from './exchanges';
import ledger from './ledger';
import ledgerCheck from './ledger-check';
import members from './members';
import memberships from './memberships';
import missions from './missions';
import outbox from './outbox';
import personalData from './personal-data';

export default {
  accounts,
  corrections,
  deadlines,
  earnings,
  exchanges,
  ledger,
  'ledger-check': ledgerCheck,
  members,
  memberships,
  missions,
  outbox,
  'personal-data': personalData,
};
