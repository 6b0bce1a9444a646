/** The CSV exports' lines: names or "SEED" instead of accounts, French kinds and states, ISO dates. */
import { EXPORTS, lineOf } from '../../../../src/plugins/seed/server/src/domain/reports/exports';

describe('CSV export lines', () => {
  it('write a grant from the SEED to a member, in French, with its date as ISO 8601', () => {
    const line = lineOf('ledger', { created_at: Date.UTC(2026, 2, 2, 9, 30), kind: 'grant', amount: '5', code: 'TS', giver: null, receiver: 'Awa Diallo', memo: 'Dotation de départ', actor_type: 'staff', actor_id: 'admin:3', key: 'grant:TS:abc' });
    expect(line).toEqual(['2026-03-02T09:30:00.000Z', 'Dotation', 5, 'TS', 'SEED', 'Awa Diallo', 'Dotation de départ', 'staff:admin:3', 'grant:TS:abc']);
  });

  it('write an exchange’s state in French and leave absent dates empty', () => {
    const line = lineOf('exchanges', { created_at: '2026-03-02T09:30:00.000Z', provider: 'Awa', beneficiary: 'Marc', description: 'Relecture', hours: '1.5', amount: 3, code: 'TS', state: 'disputed', rating: 2, accepted_at: null, delivered_at: null, closed_at: null });
    expect(line).toEqual(['2026-03-02T09:30:00.000Z', 'Awa', 'Marc', 'Relecture', 1.5, 3, 'TS', 'Contesté', '2', '', '', '']);
  });

  it('give every line as many values as the export has headers', () => {
    for (const dataset of ['ledger', 'exchanges', 'memberships'] as const) expect(lineOf(dataset, {})).toHaveLength(EXPORTS[dataset].columns.length);
  });
});
