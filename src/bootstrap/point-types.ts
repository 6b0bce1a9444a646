/** The TS ("téléservice") exists from the first start, with seed 004's figures as defaults. */
import type { Core } from '@strapi/strapi';
import { DEFAULT_POINT_TYPE } from '../plugins/seed/server/src/domain/ledger/types';

export const ensureDefaultPointType = async (strapi: Core.Strapi): Promise<void> => {
  if ((await strapi.db.query('api::point-type.point-type').count({})) > 0) return;
  await strapi.db.query('api::point-type.point-type').create({
    data: { code: DEFAULT_POINT_TYPE, name: 'Téléservice', startingGrant: 5, missionReward: 5, evaluationThreshold: 3, serviceRatePoints: 5, serviceRateHours: 3, floor: 0, ceiling: null, monthlyPairCap: 20, acceptanceDeadlineDays: 30, evaluationDeadlineDays: 14 },
  });
};
