/** An entry in words: an exchange names the other side and the service; anything else reads its memo. */
import { entryLine } from '../../../../src/plugins/seed/server/src/domain/ledger/entry-line';

describe('an entry in words', () => {
  it('names the member on the other side of an exchange and the service', () => {
    expect(entryLine({ kind: 'exchange', memo: 'Échange de services', counterpart: 'Marc Lefèvre', exchange: 'relecture d’un devis' })).toBe('Échange avec Marc Lefèvre : relecture d’un devis');
  });

  it('reads the memo of a grant, an adjustment or an exchange whose words were erased', () => {
    expect(entryLine({ kind: 'grant', memo: 'Dotation de départ : 5 TS', counterpart: null, exchange: null })).toBe('Dotation de départ : 5 TS');
    expect(entryLine({ kind: 'exchange', memo: 'Échange de services', counterpart: 'Membre effacé', exchange: null })).toBe('Échange de services');
  });
});
