import { isKind, KIND_LABELS, KIND_NAMES, NOTIFICATION_KINDS, render, type NotificationData } from '../../../../src/plugins/seed/server/src/domain/notifications/kinds';

const MEMBER = 'mem0doc0id0abcdef123456';
const sample: NotificationData = {
  member: MEMBER,
  exchange: 'exc0doc0id',
  amount: 5,
  hours: 3,
  pointType: 'TS',
  days: 2,
  state: 'accepted',
  charter: 'cha0doc0id',
  revision: 'rev0doc0id',
  mission: 'mis0doc0id',
  award: 'awa0doc0id',
  membership: 'msh0doc0id',
  year: 2026,
};
const titles: Record<string, string> = { [MEMBER]: 'Alice Martin', mis0doc0id: 'Jardin partagé', cha0doc0id: 'Charte du SEED' };
const names = (documentId: string | undefined) => (documentId ? titles[documentId] : undefined);

describe('notification kinds', () => {
  it('each name a member or staff audience and a mail default', () => {
    expect(KIND_NAMES.length).toBeGreaterThan(0);
    for (const kind of KIND_NAMES) {
      expect(['member', 'staff']).toContain(NOTIFICATION_KINDS[kind].audience);
      expect(typeof NOTIFICATION_KINDS[kind].email).toBe('boolean');
      expect(kind.startsWith('staff.')).toBe(NOTIFICATION_KINDS[kind].audience === 'staff');
    }
    expect(isKind('exchange.proposed')).toBe(true);
    expect(isKind('exchange.nothing')).toBe(false);
  });

  it('each have a French label for the preferences, and no label names an unknown kind', () => {
    for (const kind of KIND_NAMES) expect(KIND_LABELS[kind]?.trim()).toBeTruthy();
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...KIND_NAMES].sort());
  });
});

describe('rendering a notification', () => {
  it.each(KIND_NAMES)('gives %s a non-empty French title, body and extranet path', (kind) => {
    const rendered = render(kind, sample, names);
    expect(rendered.title.trim()).not.toBe('');
    expect(rendered.body.trim()).not.toBe('');
    expect(rendered.path).toMatch(/^\//);
    expect(rendered.title).not.toMatch(/undefined|null|NaN/);
    expect(rendered.body).not.toMatch(/undefined|null|NaN/);
  });

  it.each(KIND_NAMES)('never writes the documentId of the member %s is about', (kind) => {
    const rendered = render(kind, sample, names);
    expect(`${rendered.title} ${rendered.body} ${rendered.path}`).not.toContain(MEMBER);
  });

  it("names the other member when known, and falls back to 'Un membre' once erased or unknown", () => {
    expect(render('exchange.proposed', sample, names).title).toBe('Alice Martin vous propose un échange');
    expect(render('exchange.proposed', sample, () => undefined).title).toBe('Un membre vous propose un échange');
    // An erased member's display name is emptied.
    expect(render('exchange.cancelled', sample, (id) => (id === MEMBER ? '' : undefined)).title).toBe('Échange annulé avec Un membre');
    expect(render('revision.blocked', { ...sample, member: 'unknown' }, names).body).toContain('Un membre a objecté');
    expect(render('exchange.settled', { ...sample, member: undefined }, names).title).toBe('Échange réglé avec Un membre');
  });

  it('writes the points, hours and path of an exchange', () => {
    const rendered = render('exchange.proposed', sample, names);
    expect(rendered.body).toContain('5 TS');
    expect(rendered.body).toContain('3 h');
    expect(rendered.path).toBe('/espace/echanges/exc0doc0id');
  });

  it('tells the deadline reminder of an accepted exchange apart from a delivered one', () => {
    const accepted = render('exchange.deadline', { ...sample, state: 'accepted', days: 2 }, names);
    const delivered = render('exchange.deadline', { ...sample, state: 'delivered', days: 2 }, names);
    expect(accepted.title).toBe('Un échange attend votre service');
    expect(accepted.body).toContain('annulé automatiquement dans 2 jours');
    expect(delivered.title).toBe('Un échange attend votre évaluation');
    expect(delivered.body).toContain('réglé automatiquement');
  });

  it('says whether staff settled or cancelled a dispute', () => {
    expect(render('exchange.resolved', { ...sample, state: 'settled' }, names).title).toContain('réglé');
    expect(render('exchange.resolved', { ...sample, state: 'cancelled' }, names).title).toContain('annulé');
  });

  it('falls back on generic mission and charter titles when they are unknown', () => {
    const none = () => undefined;
    expect(render('mission.validated', sample, none).title).toBe('Votre mission est validée');
    expect(render('revision.adopted', sample, none).title).toBe('La révision de la charte est adoptée');
    expect(render('mission.outcome', { ...sample, state: 'won' }, names).title).toBe('La mission « Jardin partagé » est remportée');
    expect(render('mission.outcome', { ...sample, state: 'weird' }, names).title).toBe('La mission « Jardin partagé » est close');
  });
});
