/** The mission bank's REST routes (see src/bootstrap/roles.ts for who may call which). */
import { route } from '../route';

const missionStep = (action: string) => route('POST', `/missions/:documentId/${action}`, `missions.${action}`);

export default {
  routes: [
    route('GET', '/missions', 'missions.list'),
    // Before /seed/missions/:documentId, which would otherwise take "review" for a documentId.
    route('GET', '/missions/review', 'missions.review'),
    route('GET', '/missions/:documentId', 'missions.findOne'),
    route('GET', '/missions/:documentId/flags', 'missions.flags'),
    route('POST', '/missions', 'missions.submit'),
    ...['validate', 'reject', 'open', 'answered', 'outcome', 'respond', 'flag'].map(missionStep),
  ],
};
