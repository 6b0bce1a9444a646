/**
 * The SEED's stores, one per aggregate, each with its lock contract in its own header. Services
 * read and write through them, never through hand-written table names of their own.
 */
import type { Core } from '@strapi/strapi';
import { awardsStore } from './awards';
import { dashboardStore } from './dashboard';
import { exchangesStore } from './exchanges';
import { gamificationStore } from './gamification';
import { ledgerStore } from './ledger';
import { membersStore } from './members';
import { membershipsStore } from './memberships';
import { missionsStore } from './missions';
import { notificationsStore } from './notifications';
import { outboxStore } from './outbox';
import { personalDataStore } from './personal-data';
import { reportsStore } from './reports';

const create = (strapi: Core.Strapi) => {
  const { db } = strapi;
  const knex = db.connection;
  return {
    ledger: ledgerStore(knex),
    awards: awardsStore(knex),
    dashboard: dashboardStore(knex),
    exchanges: exchangesStore(knex),
    gamification: gamificationStore(knex),
    members: membersStore(knex, db),
    memberships: membershipsStore(knex, db),
    missions: missionsStore(knex, db),
    notifications: notificationsStore(knex),
    outbox: outboxStore(knex),
    personalData: personalDataStore(strapi),
    reports: reportsStore(knex),
  };
};

export type SeedStores = ReturnType<typeof create>;

const byApp = new WeakMap<Core.Strapi, SeedStores>();

/** This app's stores (one set per app, so the caches they keep are the app's). */
export const seedStores = (strapi: Core.Strapi): SeedStores => {
  let stores = byApp.get(strapi);
  if (!stores) {
    stores = create(strapi);
    byApp.set(strapi, stores);
  }
  return stores;
};
