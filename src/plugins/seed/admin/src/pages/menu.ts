/** The SEED page's entry in the admin's main menu, for staff allowed to read the balances. */
import { ChartPie } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../intl';

export const addSeedPage = (app: StrapiApp) =>
  app.addMenuLink({
    to: `plugins/${PLUGIN_ID}`,
    icon: ChartPie,
    intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'SEED' },
    Component: () => import('./App'),
    permissions: [{ action: 'plugin::seed.reports.balances', subject: null }],
  });
