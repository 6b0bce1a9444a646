/**
 * The scheduled job that keeps exchanges from staying frozen (see decideExpiry). Safe when
 * several instances run it at once: each exchange is re-read under its row lock, and an
 * instance that comes second finds nothing due and moves on.
 */
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import type { ExchangeSettings } from '../domain/ledger/exchange';
import type { LedgerService, PointTypeRow } from './ledger';
import type { ExchangesService } from './exchanges';

const BATCH = 500;

export interface DeadlineReport {
  cancelled: number;
  settled: number;
  skipped: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(now: Date = new Date()): Promise<DeadlineReport> {
    const exchanges = strapi.service('plugin::seed.exchanges') as ExchangesService;
    const report: DeadlineReport = { cancelled: 0, settled: 0, skipped: 0 };
    const pointTypes = (await (strapi.service('plugin::seed.ledger') as LedgerService).pointTypes()) as (PointTypeRow & ExchangeSettings)[];
    for (const pointType of pointTypes) {
      for (const documentId of await exchanges.overdue(pointType, now, BATCH)) {
        try {
          const { state } = await exchanges.expire(documentId, now);
          report[state === 'settled' ? 'settled' : 'cancelled'] += 1;
        } catch (error) {
          // Moved on since it was listed (by a member or another instance): nothing is due any more.
          if (error instanceof CodedError && error.code === 'INVALID_STATE') {
            report.skipped += 1;
            continue;
          }
          throw error;
        }
      }
    }
    if (report.cancelled + report.settled > 0) {
      strapi.log.info(`Exchange deadlines: ${report.cancelled} cancelled, ${report.settled} settled.`);
    }
    return report;
  },
});
