/** The staff desk's home: what waits for the team. */
import { operation } from './operation';
import { emptyBody } from '../validators';

export const dashboardOperations = [
  operation({
    action: 'dashboard.overview',
    who: 'staff',
    desk: 'Voir le tableau de bord de l’équipe',
    input: emptyBody,
    run: ({ services }) => services.dashboard.overview(),
    rest: { method: 'GET', path: '/dashboard' },
  }),
];
