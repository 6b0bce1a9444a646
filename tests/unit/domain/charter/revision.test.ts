import { answerKey, decideAnswer, decideProposal, decideWithdrawal, mergeArticles } from '../../../../src/domain/charter/revision';
import { decideSignature, signatoryKey } from '../../../../src/domain/charter/signing';
import { charterText, sameText } from '../../../../src/domain/charter/version';

const refused = (code: string) => expect.objectContaining({ ok: false, code });

describe('signing a charter', () => {
  it('lets an active member sign once, under one key per member and charter', () => {
    expect(decideSignature({ memberState: 'active', alreadySigned: false })).toEqual({ ok: true, value: true });
    expect(decideSignature({ memberState: 'active', alreadySigned: true })).toEqual(refused('ALREADY_SIGNED'));
    expect(signatoryKey('c1', 'm1')).toBe('sign:c1:m1');
  });

  it.each(['applicant', 'interviewed', 'suspended', 'left'] as const)('refuses a member who is %s', (memberState) => {
    expect(decideSignature({ memberState, alreadySigned: false })).toEqual(refused('MEMBER_INACTIVE'));
  });
});

describe('proposing a revision', () => {
  const articles = [{ number: 3, title: 'Durée', body: 'Dix ans.' }];

  it('asks every signatory, once each, and counts the proposer in', () => {
    expect(decideProposal({ proposer: 'b', signatories: ['b', 'a', 'b', 'c'], articles })).toEqual({ ok: true, value: { electorate: ['a', 'b', 'c'], state: 'proposed' } });
  });

  it('is adopted at once when the proposer is the only signatory', () => {
    expect(decideProposal({ proposer: 'a', signatories: ['a'], articles })).toEqual({ ok: true, value: { electorate: ['a'], state: 'adopted' } });
  });

  it('is for signatories, with at least one article, each once', () => {
    expect(decideProposal({ proposer: 'z', signatories: ['a'], articles })).toEqual(refused('NOT_A_SIGNATORY'));
    expect(decideProposal({ proposer: 'a', signatories: ['a', 'b'], articles: [] })).toEqual(refused('INVALID_INPUT'));
    expect(decideProposal({ proposer: 'a', signatories: ['a', 'b'], articles: [...articles, ...articles] })).toEqual(refused('INVALID_INPUT'));
  });
});

describe('answering a revision', () => {
  const open = { state: 'proposed' as const, electorate: ['a', 'b', 'c'], answered: { a: 'consent' as const } };

  it('waits while consents are missing and adopts with the last one', () => {
    expect(decideAnswer({ ...open, member: 'b', answer: 'consent' })).toEqual({ ok: true, value: 'proposed' });
    expect(decideAnswer({ ...open, answered: { a: 'consent', b: 'consent' }, member: 'c', answer: 'consent' })).toEqual({ ok: true, value: 'adopted' });
  });

  it('is blocked by a single objection, even the last answer', () => {
    expect(decideAnswer({ ...open, answered: { a: 'consent', b: 'consent' }, member: 'c', answer: 'object' })).toEqual({ ok: true, value: 'blocked' });
  });

  it('takes one answer per signatory of the time, while proposed', () => {
    expect(decideAnswer({ ...open, member: 'a', answer: 'object' })).toEqual(refused('ALREADY_ANSWERED'));
    expect(decideAnswer({ ...open, member: 'd', answer: 'consent' })).toEqual(refused('NOT_A_SIGNATORY'));
    for (const state of ['adopted', 'blocked', 'withdrawn'] as const) {
      expect(decideAnswer({ ...open, state, member: 'b', answer: 'consent' })).toEqual(refused('INVALID_STATE'));
    }
    expect(answerKey('r1', 'm1')).toBe('answer:r1:m1');
  });

  it('is withdrawn by its proposer only, while proposed', () => {
    expect(decideWithdrawal({ state: 'proposed', proposer: 'a', member: 'a' })).toEqual({ ok: true, value: 'withdrawn' });
    expect(decideWithdrawal({ state: 'proposed', proposer: 'a', member: 'b' })).toEqual(refused('NOT_ALLOWED'));
    expect(decideWithdrawal({ state: 'adopted', proposer: 'a', member: 'a' })).toEqual(refused('INVALID_STATE'));
  });
});

describe('an adopted revision', () => {
  it('replaces the articles of the same number and adds new ones, in order', () => {
    const current = [
      { number: 1, title: 'Objet', body: 'a' },
      { number: 2, title: 'Valeurs', body: 'b' },
      { number: 4, title: 'Sortie', body: 'd' },
    ];
    expect(mergeArticles(current, [{ number: 3, title: 'Durée', body: 'c' }, { number: 2, title: 'Valeurs', body: 'b2' }])).toEqual([
      { number: 1, title: 'Objet', body: 'a' },
      { number: 2, title: 'Valeurs', body: 'b2' },
      { number: 3, title: 'Durée', body: 'c' },
      { number: 4, title: 'Sortie', body: 'd' },
    ]);
  });
});

describe('a charter version', () => {
  it('keeps the text without database ids, so republishing the same text compares equal', () => {
    const published = { id: 9, documentId: 'c1', title: 'Charte', articles: [{ id: 4, number: 1, title: 'Objet', body: 'a' }], term: { id: 2, start: '2026-01-01' }, values: [{ id: 3, name: 'Partage' }] };
    const text = charterText(published);

    expect(text).toMatchObject({ title: 'Charte', articles: [{ number: 1, title: 'Objet', body: 'a' }], term: { start: '2026-01-01' }, values: ['Partage'], licence: null });
    expect(sameText(text, charterText({ ...published, id: 10, articles: [{ id: 8, number: 1, title: 'Objet', body: 'a' }] }))).toBe(true);
    expect(sameText(text, charterText({ ...published, title: 'Charte v2' }))).toBe(false);
  });
});
