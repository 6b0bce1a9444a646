import accounts from './accounts';
import corrections from './corrections';
import dashboard from './dashboard';
import deadlines from './deadlines';
import earnings from './earnings';
import exchanges from './exchanges';
import gamification from './gamification';
import ledger from './ledger';
import ledgerCheck from './ledger-check';
import members from './members';
import memberships from './memberships';
import missions from './missions';
import notifications from './notifications';
import outbox from './outbox';
import personalData from './personal-data';
import rateLimits from './rate-limits';
import reports from './reports';
import transactions from './transactions';
import type { Core } from '@strapi/strapi';

const services = {
  accounts,
  corrections,
  dashboard,
  deadlines,
  earnings,
  exchanges,
  gamification,
  ledger,
  'ledger-check': ledgerCheck,
  members,
  memberships,
  missions,
  notifications,
  outbox,
  'personal-data': personalData,
  'rate-limits': rateLimits,
  reports,
  transactions,
};

export default services;

/** The plugin's services by name, typed: `seedServices(strapi).exchanges.accept(…)`. */
export type SeedServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

export const seedServices = (strapi: Core.Strapi): SeedServices =>
  new Proxy({} as SeedServices, { get: (_target, name: string) => strapi.plugin('seed').service(name) });
