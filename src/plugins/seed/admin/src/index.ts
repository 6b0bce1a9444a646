/**
 * The SEED in the admin panel: the staff desk's one-click actions and side panels in the Content
 * Manager's edit views (see desk.ts), and "Approuver" on selected awards in their list.
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { PLUGIN_ID, registerTrads } from './intl';
import { deskActions, ApproveAwards } from './components/actions';
import { AccountPanel, FlagsPanel } from './components/panels';
import { addSeedPage } from './pages/menu';
import { registerWidgets } from './widgets';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'SEED' });
    addSeedPage(app);
    registerWidgets(app);
  },
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addDocumentAction(deskActions);
    contentManager.addEditViewSidePanel([AccountPanel, FlagsPanel]);
    contentManager.addBulkAction([ApproveAwards]);
  },
  registerTrads,
};
