/** The ledger's reports for the staff desk: balances, monthly flows, CSV exports. */
import { Readable } from 'stream';
import { stringify } from 'csv-stringify';
import type { Core } from '@strapi/strapi';
import { CodedError } from '../errors/codes';
import { EXPORTS, lineOf, type Dataset } from '../domain/reports/exports';
import { seedStores } from '../stores';
import type { AccountsQuery } from '../stores/reports';

/** How far back the monthly flows go. */
const MONTHS_SHOWN = 24;

export interface CsvExport {
  filename: string;
  stream: Readable;
}

const reportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stores = () => seedStores(strapi);

  return {
    balances: (query: AccountsQuery) => stores().reports.balances(query),

    async monthly(pointTypeCode: string, now = new Date()) {
      const pointType = await stores().ledger.pointType(pointTypeCode);
      if (!pointType) throw new CodedError('NOT_FOUND', `There is no point type ${pointTypeCode}.`);
      const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS_SHOWN - 1), 1));
      return stores().reports.monthly(pointType.id, since);
    },

    /**
     * The dataset as CSV, streamed from batches of rows: a UTF-8 BOM for spreadsheets, French
     * headers, and formula escaping on (a memo or description starting with = + - @ is not run).
     */
    export(dataset: Dataset, day: string): CsvExport {
      const rows = { ledger: stores().reports.ledgerRows, exchanges: stores().reports.exchangeRows, memberships: stores().reports.membershipRows }[dataset]();
      const lines = Readable.from(
        (async function* () {
          for await (const row of rows) yield lineOf(dataset, row);
        })(),
      );
      const csv = stringify({ bom: true, header: true, columns: EXPORTS[dataset].columns.map((column) => column.header), escape_formulas: true });
      lines.on('error', (error) => csv.destroy(error));
      return { filename: `${EXPORTS[dataset].filename}-${day}.csv`, stream: lines.pipe(csv) };
    },
  };
};

export type ReportsService = ReturnType<typeof reportsService>;
export default reportsService;
