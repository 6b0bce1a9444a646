/**
 * The Content Manager's layouts of the app's types (charters and what they show, the ledger's
 * settings, campaigns, consent records), with the SEED's: see the plugin's desk-layouts.
 */
import type { Core } from '@strapi/strapi';
import { applyLayouts, SEED_LAYOUTS, type TypeLayout } from '../plugins/seed/server/src/desk-layouts';

const APP_LAYOUTS: Record<string, TypeLayout> = {
  'api::charter.charter': { mainField: 'title', list: ['title', 'organisation', 'licence', 'updatedAt'], sortBy: 'title', sortOrder: 'ASC' },
  'api::organisation.organisation': { mainField: 'name', list: ['name', 'kind', 'website'], sortBy: 'name', sortOrder: 'ASC', labels: { kind: 'Forme' } },
  'api::value.value': { mainField: 'name', list: ['name', 'organisation', 'position'], sortBy: 'position', sortOrder: 'ASC' },
  'api::signature.signature': { mainField: 'name', list: ['name', 'organisation', 'charter', 'signedOn'], sortBy: 'signedOn', labels: { name: 'Signataire', organisation: 'Structure' } },
  'api::point-type.point-type': { mainField: 'name', list: ['code', 'name', 'startingGrant', 'missionReward', 'floor', 'ceiling'], sortBy: 'code', sortOrder: 'ASC' },
  'api::membership-campaign.membership-campaign': { mainField: 'year', list: ['year', 'cap', 'taken', 'feeCents'], sortBy: 'year', readOnly: ['taken', 'announcedAt'] },
  // Members' and staff's users, named by their email in the relations that show them.
  'plugin::users-permissions.user': { mainField: 'email', list: ['username', 'email', 'confirmed', 'blocked', 'role', 'createdAt'] },
  'api::charter-revision.charter-revision': { mainField: 'reason', list: ['charterDocumentId', 'locale', 'proposer', 'state', 'createdAt'] },
  'api::revision-consent.revision-consent': { mainField: 'answer', list: ['revision', 'member', 'answer', 'createdAt'] },
  'api::charter-version.charter-version': { mainField: 'title', list: ['title', 'locale', 'publishedOn'], sortBy: 'publishedOn' },
};

export const applyAdminLayouts = (strapi: Core.Strapi): Promise<void> => applyLayouts(strapi, { ...SEED_LAYOUTS, ...APP_LAYOUTS });
