/** The ledger's reports on the staff desk's SEED page: balances, monthly flows, CSV exports. */
import { operation } from './operation';
import { today } from '../calendar';
import type { CsvExport } from '../services/reports';
import { balancesQuery, datasetParams, emptyBody, monthlyQuery } from '../validators';

export const reportsOperations = [
  operation({
    action: 'reports.balances',
    who: 'staff',
    desk: 'Voir les soldes de tous les comptes',
    input: balancesQuery,
    paged: 'accounts',
    run: ({ services, input }) => services.reports.balances(input),
    rest: { method: 'GET', path: '/reports/balances' },
  }),
  operation({
    action: 'reports.monthly',
    who: 'staff',
    desk: 'Voir les flux de points par mois',
    input: monthlyQuery,
    run: ({ services, input }) => services.reports.monthly(input.pointType),
    rest: { method: 'GET', path: '/reports/monthly' },
  }),
  operation({
    action: 'reports.export',
    who: 'staff',
    desk: 'Exporter le registre, les échanges et les adhésions en CSV',
    params: datasetParams,
    input: emptyBody,
    run: async ({ services, params }) => services.reports.export(params.dataset, today()),
    rest: {
      method: 'GET',
      path: '/reports/:dataset/csv',
      reply: (ctx, result: CsvExport) => {
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="${result.filename}"`);
        ctx.body = result.stream;
      },
    },
  }),
];
