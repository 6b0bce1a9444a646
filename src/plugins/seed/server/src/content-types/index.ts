/** The SEED's content types: `plugin::seed.<name>`. Each keeps its table (`collectionName`) from the app it came from. */
import account from './account/schema.json';
import award from './award/schema.json';
import badge from './badge/schema.json';
import badgeAward from './badge-award/schema.json';
import earningRule from './earning-rule/schema.json';
import earningRuleChange from './earning-rule-change/schema.json';
import entry from './entry/schema.json';
import exchange from './exchange/schema.json';
import leaderboardScore from './leaderboard-score/schema.json';
import member from './member/schema.json';
import membership from './membership/schema.json';
import mission from './mission/schema.json';
import missionFlag from './mission-flag/schema.json';
import missionResponse from './mission-response/schema.json';
import notification from './notification/schema.json';
import notificationSetting from './notification-setting/schema.json';
import outboxMessage from './outbox-message/schema.json';
import rank from './rank/schema.json';
import rankChange from './rank-change/schema.json';
import webhookEvent from './webhook-event/schema.json';
import webhookSubscription from './webhook-subscription/schema.json';

export default {
  account: { schema: account },
  award: { schema: award },
  badge: { schema: badge },
  'badge-award': { schema: badgeAward },
  'earning-rule': { schema: earningRule },
  'earning-rule-change': { schema: earningRuleChange },
  entry: { schema: entry },
  exchange: { schema: exchange },
  'leaderboard-score': { schema: leaderboardScore },
  member: { schema: member },
  membership: { schema: membership },
  mission: { schema: mission },
  'mission-flag': { schema: missionFlag },
  'mission-response': { schema: missionResponse },
  notification: { schema: notification },
  'notification-setting': { schema: notificationSetting },
  'outbox-message': { schema: outboxMessage },
  rank: { schema: rank },
  'rank-change': { schema: rankChange },
  'webhook-event': { schema: webhookEvent },
  'webhook-subscription': { schema: webhookSubscription },
};
