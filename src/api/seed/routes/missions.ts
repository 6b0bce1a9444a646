/** The mission bank's REST routes (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../route';

const missionStep = (action: string) => route('POST', `/seed/missions/:documentId/${action}`, `missions.${action}`);

export default {
  routes: [
    route('GET', '/seed/missions', 'missions.list'),
    // Before /seed/missions/:documentId, which would otherwise take "review" for a documentId.
    route('GET', '/seed/missions/review', 'missions.review'),
    route('GET', '/seed/missions/:documentId', 'missions.findOne'),
    route('GET', '/seed/missions/:documentId/flags', 'missions.flags'),
    route('POST', '/seed/missions', 'missions.submit'),
    ...['validate', 'reject', 'open', 'answered', 'outcome', 'respond', 'flag'].map(missionStep),
  ],
};
