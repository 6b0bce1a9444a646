/** The SEED's widgets on the admin home page, for staff allowed to read the team's overview. */
import { ArrowsCounterClockwise, Briefcase, Calendar, CheckCircle, Mail, User } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../intl';

type Name = 'SeatsWidget' | 'MembersWidget' | 'AwardsWidget' | 'MissionsWidget' | 'ExchangesWidget' | 'OutboxWidget';

const widget = (id: string, title: string, icon: typeof User, name: Name) => ({
  id,
  pluginId: PLUGIN_ID,
  icon,
  title: { id: `${PLUGIN_ID}.widget.${id}`, defaultMessage: title },
  component: async () => (await import('./Dashboard'))[name],
  permissions: [{ action: 'plugin::seed.dashboard.overview' }],
});

const DESK_WIDGETS = [
  widget('seats', 'Places de l’année', Calendar, 'SeatsWidget'),
  widget('members', 'Membres à accueillir', User, 'MembersWidget'),
  widget('awards', 'Attributions en attente', CheckCircle, 'AwardsWidget'),
  widget('missions', 'Missions à examiner', Briefcase, 'MissionsWidget'),
  widget('exchanges', 'Échanges', ArrowsCounterClockwise, 'ExchangesWidget'),
  widget('outbox', 'Messages sortants en échec', Mail, 'OutboxWidget'),
];

/** First on the home page: what waits for the team comes before Strapi's own widgets. */
export const registerWidgets = (app: StrapiApp) => app.widgets.register((existing) => [...DESK_WIDGETS, ...existing]);
