/**
 * The SEED in the admin panel: the staff desk's one-click actions and side panels in the Content
 * Manager's edit views (see desk.ts), "Approuver" on selected awards in their list, years shown
 * as years in the lists, the home's widgets and the SEED page.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { PLUGIN_ID, registerTrads } from './intl';
import { deskActions, ApproveAwards } from './components/actions';
import { AccountPanel, FlagsPanel, ReadablePanel } from './components/panels';
import { addSeedPage } from './pages/menu';
import { registerWidgets } from './widgets';
import { plainYears } from './list-cells';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'SEED' });
    addSeedPage(app);
    registerWidgets(app);
  },
  bootstrap(app: Pick<StrapiApp, 'getPlugin' | 'registerHook'>) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addDocumentAction(deskActions);
    contentManager.addEditViewSidePanel([AccountPanel, FlagsPanel, ReadablePanel]);
    contentManager.addBulkAction([ApproveAwards]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', plainYears);
  },
  registerTrads,
};
