/**
 * The staff desk's admin API (issue 13): the staff operations served to admin users under /seed,
 * each behind its admin permission `plugin::seed.<action>`. The Équipe role holds them, Super
 * Admins too; an Editor holds none. Service-written types offer no Content Manager write to anyone.
 */
import { startApp, adminOfRole, adminToken, type TestApp } from '../helpers/strapi';
import { activeMember, bearer, ensureCampaign, expectRefusal, interviewedMember, loginStaff, registerMember, thisYear } from '../helpers/seed';
import { ensureTeamRole, deskPermissions, TEAM_ROLE_CODE } from '../../src/plugins/seed/server/src/desk';
import { applyAdminLayouts } from '../../src/bootstrap/admin-layouts';

let app: TestApp;
let staff: string;
let team: { token: string; id: number };
let editor: { token: string; id: number };

beforeAll(async () => {
  app = await startApp();
  staff = await loginStaff(app);
  team = await adminOfRole(app, TEAM_ROLE_CODE);
  editor = await adminOfRole(app, 'strapi-editor');
  await ensureCampaign(app);
});

afterAll(async () => {
  await app?.stop();
});

const rolePermissions = async (code: string): Promise<string[]> => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  return (await app.strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } } })).map((permission: { action: string }) => permission.action);
};

describe('the staff desk', () => {
  it('creates the Équipe admin role once, holding every desk permission; Super Admins hold them too, Editors none', async () => {
    const held = await rolePermissions(TEAM_ROLE_CODE);
    expect(deskPermissions().length).toBeGreaterThanOrEqual(20);
    for (const action of deskPermissions()) expect(held).toContain(action);
    expect(held).toContain('plugin::content-manager.explorer.read');

    const superAdmin = await rolePermissions('strapi-super-admin');
    for (const action of deskPermissions()) expect(superAdmin).toContain(action);
    expect((await rolePermissions('strapi-editor')).filter((action) => action.startsWith('plugin::seed.'))).toEqual([]);

    // A second boot finds the role by its code and adds nothing twice.
    await ensureTeamRole(app.strapi);
    expect(await app.strapi.db.query('admin::role').count({ where: { code: TEAM_ROLE_CODE } })).toBe(1);
    expect((await rolePermissions(TEAM_ROLE_CODE)).length).toBe(held.length);
  });

  it('adds, on a later boot, a desk permission the role lacks (a new action after an upgrade), and only that', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: TEAM_ROLE_CODE } });
    await app.strapi.db.query('admin::permission').deleteMany({ where: { role: { id: role.id }, action: 'plugin::seed.members.activate' } });
    const before = (await rolePermissions(TEAM_ROLE_CODE)).length;

    await ensureTeamRole(app.strapi);

    const after = await rolePermissions(TEAM_ROLE_CODE);
    expect(after).toContain('plugin::seed.members.activate');
    expect(after.length).toBe(before + 1);
  });

  it('lets an Équipe admin record an interview and activate a member through the same services, recording the admin as the grant’s actor', async () => {
    const member = await registerMember(app);
    const interview = await app
      .http()
      .post(`/seed/members/${member.documentId}/interview`)
      .set(bearer(team.token))
      .send({ date: '2026-03-02', interviewer: 'Camille Martin', notes: 'Entretien au local.' });
    expect(interview.status).toBe(200);
    expect(interview.body.data).toMatchObject({ documentId: member.documentId, state: 'interviewed' });

    const activation = await app.http().post(`/seed/members/${member.documentId}/activate`).set(bearer(team.token)).send({});
    expect(activation.status).toBe(200);
    expect(activation.body.data).toMatchObject({ documentId: member.documentId, state: 'active', granted: 5, pointType: 'TS' });

    const grant = await app.strapi.db.connection('ledger_entries').where({ kind: 'grant' }).orderBy('id', 'desc').first('actor_type', 'actor_id');
    expect(grant).toEqual({ actor_type: 'staff', actor_id: `admin:${team.id}` });
    // Who moved the member, and when, is kept on them.
    const moved = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });
    expect(moved).toMatchObject({ state: 'active', stateChangedBy: `admin:${team.id}`, stateChangedAt: expect.anything() });

    const summary = await app.http().get(`/seed/members/${member.documentId}/summary`).set(bearer(team.token));
    expect(summary.status).toBe(200);
    expect(summary.body.data.member).toMatchObject({ documentId: member.documentId, state: 'active' });
    expect(summary.body.data.accounts).toEqual([expect.objectContaining({ pointType: 'TS', balance: 5, reserved: 0, available: 5 })]);
    expect(summary.body.data.lastEntries).toEqual([expect.objectContaining({ kind: 'grant', amount: 5, pointType: 'TS', counterpart: null })]);
    expect(summary.body.data.membership).toBeNull();
  });

  it('refuses an Editor (403) and an anonymous caller (401), changing nothing', async () => {
    const member = await interviewedMember(app, staff);
    const asEditor = await app.http().post(`/seed/members/${member.documentId}/activate`).set(bearer(editor.token)).send({});
    const anonymous = await app.http().post(`/seed/members/${member.documentId}/activate`).send({});
    expect(asEditor.status).toBe(403);
    expect(anonymous.status).toBe(401);
    const row = await app.strapi.db.query('plugin::seed.member').findOne({ where: { documentId: member.documentId } });
    expect(row.state).toBe('interviewed');
  });

  it('answers the rules’ refusals as the API does: a clear 4xx with its code, never a 500', async () => {
    const member = await registerMember(app);
    expectRefusal(await app.http().post(`/seed/members/${member.documentId}/activate`).set(bearer(team.token)).send({}), 409, 'INTERVIEW_REQUIRED');
    expectRefusal(await app.http().post(`/seed/members/${member.documentId}/interview`).set(bearer(team.token)).send({ date: 'hier' }), 400, 'INVALID_INPUT');
    expectRefusal(await app.http().post('/seed/members/nobody/activate').set(bearer(team.token)).send({}), 404, 'MEMBER_NOT_FOUND');
    // No money at the desk either, whichever API a request comes by.
    const accounts = (await app.http().get('/seed/reports/balances').set(bearer(team.token))).body.data;
    expectRefusal(await app.http().post(`/seed/accounts/${accounts[0].documentId}/adjust`).set(bearer(team.token)).send({ direction: 'credit', amount: 5, reason: 'Vente', priceCents: 500 }), 400, 'NO_MONEY');
  });

  it('lets a Super Admin act too, and registers a paper membership for a member as staff would', async () => {
    const superAdmin = await adminToken(app);
    const member = await interviewedMember(app, staff);
    expect((await app.http().post(`/seed/members/${member.documentId}/activate`).set(bearer(superAdmin)).send({})).status).toBe(200);

    const paper = await app.http().post('/seed/memberships').set(bearer(team.token)).send({ year: thisYear(), member: member.documentId });
    expect(paper.status).toBe(201);
    const summary = await app.http().get(`/seed/members/${member.documentId}/summary`).set(bearer(team.token));
    expect(summary.body.data.membership).toMatchObject({ year: thisYear(), refunded: false });

    expect((await app.http().post(`/seed/memberships/${summary.body.data.membership.documentId}/refund`).set(bearer(team.token)).send({})).status).toBe(200);
    const refunded = await app.strapi.db.query('plugin::seed.membership').findOne({ where: { documentId: summary.body.data.membership.documentId } });
    expect(refunded).toMatchObject({ refundedBy: `admin:${team.id}`, refundedOn: expect.anything() });
  });

  it('offers no Content Manager write on a type only the services write, to any role (Super Admins included)', async () => {
    const superAdmin = await adminToken(app);
    for (const token of [superAdmin, team.token]) {
      const permissions = (await app.http().get('/admin/users/me/permissions').set(bearer(token))).body.data as { action: string; subject: string | null }[];
      const writes = permissions.filter((permission) => /explorer\.(create|update|delete|publish)$/.test(permission.action));
      expect(writes.map((permission) => permission.subject)).not.toContain('plugin::seed.entry');
      expect(writes.map((permission) => permission.subject)).not.toContain('plugin::seed.account');
      expect(writes.map((permission) => permission.subject)).toContain('plugin::seed.member');
      expect(permissions).toContainEqual(expect.objectContaining({ action: 'plugin::content-manager.explorer.read', subject: 'plugin::seed.exchange' }));
    }
    const create = await app.http().post('/content-manager/collection-types/plugin::seed.account').set(bearer(team.token)).send({ key: 'x', kind: 'member' });
    expect(create.status).toBe(403);
  });

  it('counts on its home what waits for the team: seats, members to interview or activate, exchanges disputed or reaching their deadline this week', async () => {
    const overview = async () => {
      const response = await app.http().get('/seed/dashboard').set(bearer(team.token));
      expect(response.status).toBe(200);
      return response.body.data;
    };
    const before = await overview();
    expect(before.year).toBe(thisYear());
    expect(before.seats).toMatchObject({ year: thisYear(), cap: expect.any(Number), taken: expect.any(Number) });

    await registerMember(app);
    await interviewedMember(app, staff);
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({ counterpart: beneficiary.documentId, side: 'provider', description: 'Relecture', hours: 1, amount: 2 });
    const id = proposed.body.data.documentId;
    await app.http().post(`/api/seed/exchanges/${id}/accept`).set(bearer(beneficiary.jwt)).send({});
    // Accepted 25 days ago: the 30-day acceptance deadline cancels it within the week.
    await app.strapi.db.query('plugin::seed.exchange').update({ where: { documentId: id }, data: { acceptedAt: new Date(Date.now() - 25 * 86_400_000) } });

    const after = await overview();
    expect(after.members).toEqual({ applicants: before.members.applicants + 1, interviewed: before.members.interviewed + 1 });
    expect(after.seats.taken).toBe(before.seats.taken + 2);
    expect(after.exchanges.nearingDeadline).toBe(before.exchanges.nearingDeadline + 1);

    expect((await app.http().get('/seed/dashboard').set(bearer(editor.token))).status).toBe(403);
  });

  it('lists every account’s balance with its holder’s name, searched and sorted, and the month’s points issued and exchanged', async () => {
    const member = await activeMember(app, staff);
    const name = `Zoé Balance ${member.documentId.slice(0, 6)}`;
    await app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ displayName: name });

    const found = await app.http().get('/seed/reports/balances').query({ search: 'Zoé Balance', sort: 'balance', order: 'desc' }).set(bearer(team.token));
    expect(found.status).toBe(200);
    expect(found.body.data).toContainEqual(expect.objectContaining({ holder: name, memberDocumentId: member.documentId, pointType: 'TS', balance: 5, reserved: 0 }));
    expect(found.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
    const account = found.body.data.find((row: { holder: string }) => row.holder === name);
    expect((await app.http().get(`/seed/accounts/${account.documentId}`).set(bearer(team.token))).body.data).toMatchObject({ holder: name, balance: 5, pointType: 'TS' });
    // A search is a fragment of a name, not a pattern.
    expect((await app.http().get('/seed/reports/balances').query({ search: '%' }).set(bearer(team.token))).body.data).toEqual([]);

    const monthly = await app.http().get('/seed/reports/monthly').set(bearer(team.token));
    expect(monthly.status).toBe(200);
    const month = new Date().toISOString().slice(0, 7);
    expect(monthly.body.data).toContainEqual(expect.objectContaining({ month, issued: expect.any(Number), exchanged: expect.any(Number), clawedBack: expect.any(Number) }));
    expect(monthly.body.data.find((row: { month: string }) => row.month === month).issued).toBeGreaterThanOrEqual(5);
  });

  it('exports the ledger, exchanges and memberships as CSV with French headers, names instead of ids, and formulas escaped', async () => {
    const member = await activeMember(app, staff);
    await app.http().put('/api/seed/members/me').set(bearer(member.jwt)).send({ displayName: '=HYPERLINK("http://evil.example")' });

    const ledger = await app.http().get('/seed/reports/ledger/csv').set(bearer(team.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(ledger.status).toBe(200);
    expect(ledger.headers['content-type']).toMatch(/^text\/csv/);
    expect(ledger.headers['content-disposition']).toMatch(/^attachment; filename="registre-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (ledger.body as string).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('Date,Nature,Montant,Type de points,De,Vers,Mémo,Par,Clé');
    expect(lines.some((line) => line.includes(`Dotation,5,TS,SEED,"'=HYPERLINK(""http://evil.example"")"`))).toBe(true);
    expect(lines).toHaveLength((await app.strapi.db.query('plugin::seed.entry').count({})) + 1);

    for (const [dataset, header] of [['exchanges', 'Proposé le,Prestataire,Bénéficiaire'], ['memberships', 'Année,Membre,Cotisation (centimes)']]) {
      const response = await app.http().get(`/seed/reports/${dataset}/csv`).set(bearer(team.token)).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
      expect(response.status).toBe(200);
      expect((response.body as string).replace(/^\uFEFF/, '').startsWith(header)).toBe(true);
    }
    expectRefusal(await app.http().get('/seed/reports/passwords/csv').set(bearer(team.token)), 400, 'INVALID_INPUT');
    expect((await app.http().get('/seed/reports/ledger/csv').set(bearer(editor.token))).status).toBe(403);
  });

  it('shows a settled exchange in both histories as words naming the other member and the service, as they are now (REST, GraphQL, desk)', async () => {
    const provider = await activeMember(app, staff);
    const beneficiary = await activeMember(app, staff);
    await app.http().put('/api/seed/members/me').set(bearer(beneficiary.jwt)).send({ displayName: 'Marc Lefèvre' });
    const proposed = await app.http().post('/api/seed/exchanges').set(bearer(provider.jwt)).send({ counterpart: beneficiary.documentId, side: 'provider', description: 'relecture d’un devis', hours: 1, amount: 2 });
    const id = proposed.body.data.documentId;
    await app.http().post(`/api/seed/exchanges/${id}/accept`).set(bearer(beneficiary.jwt)).send({});
    await app.http().post(`/api/seed/exchanges/${id}/deliver`).set(bearer(provider.jwt)).send({});
    expect((await app.http().post(`/api/seed/exchanges/${id}/evaluate`).set(bearer(beneficiary.jwt)).send({ rating: 5 })).body.data.state).toBe('settled');

    const read = await app.graphql('{ myAccount(pointType: "TS") { entries { kind amount memo counterpart line } } }', undefined, provider.jwt);
    expect(read.body.data.myAccount.entries[0]).toEqual({ kind: 'exchange', amount: 2, memo: 'Échange de services', counterpart: 'Marc Lefèvre', line: 'Échange avec Marc Lefèvre : relecture d’un devis' });

    // Renamed since: the history says the name as it is now.
    await app.http().put('/api/seed/members/me').set(bearer(beneficiary.jwt)).send({ displayName: 'Marc L.' });
    const summary = await app.http().get(`/seed/members/${provider.documentId}/summary`).set(bearer(team.token));
    expect(summary.body.data.lastEntries[0]).toMatchObject({ kind: 'exchange', amount: 2, counterpart: 'Marc L.', line: 'Échange avec Marc L. : relecture d’un devis' });
    const theirs = await app.http().get('/api/seed/accounts/me').set(bearer(beneficiary.jwt));
    expect(theirs.body.data.entries[0]).toMatchObject({ amount: -2, counterpart: expect.any(String), line: expect.stringMatching(/^Échange avec .+ : relecture d’un devis$/) });
  });

  it('titles each type’s entries by a name, lists the columns staff need and labels fields in French — and keeps what staff rearrange', async () => {
    const configuration = async (uid: string) => (await app.http().get(`/content-manager/content-types/${uid}/configuration`).set(bearer(team.token))).body.data.contentType;
    const members = await configuration('plugin::seed.member');
    expect(members.settings.mainField).toBe('displayName');
    expect(members.layouts.list).toEqual(['displayName', 'state', 'track', 'user', 'publicProfile', 'createdAt']);
    expect(members.metadatas.state.edit.label).toBe('État');
    expect(members.metadatas.tutor.edit.mainField).toBe('displayName');
    const exchanges = await configuration('plugin::seed.exchange');
    expect(exchanges.metadatas.provider).toMatchObject({ list: { label: 'Prestataire' }, edit: { label: 'Prestataire', mainField: 'displayName' } });
    expect((await configuration('api::membership-campaign.membership-campaign')).settings.mainField).toBe('year');

    // Staff relabel a field: the next boot leaves it (the layouts are written again only when the table changes).
    // As the admin's "Configure the view" sends it: the lists' relation titles are the server's to add.
    const metadatas = Object.fromEntries(
      Object.entries(members.metadatas as Record<string, { edit: object; list: { mainField?: unknown } }>).map(([field, { edit, list: { mainField: _shown, ...list } }]) => [field, { edit, list }]),
    );
    const changed = await app.http().put('/content-manager/content-types/plugin::seed.member/configuration').set(bearer(await adminToken(app))).send({
      layouts: members.layouts,
      metadatas: { ...metadatas, state: { ...metadatas.state, edit: { ...metadatas.state.edit, label: 'Statut' } } },
      settings: members.settings,
    });
    expect([changed.status, changed.body.error]).toEqual([200, undefined]);
    await applyAdminLayouts(app.strapi);
    expect((await configuration('plugin::seed.member')).metadatas.state.edit.label).toBe('Statut');
  });

  it('keeps accounts and entries off the Content Manager’s menu: the SEED page shows them with names', async () => {
    const types = (await app.http().get('/content-manager/content-types').set(bearer(team.token))).body.data as { uid: string; isDisplayed: boolean }[];
    expect(types.find((type) => type.uid === 'plugin::seed.account')?.isDisplayed).toBe(false);
    expect(types.find((type) => type.uid === 'plugin::seed.entry')?.isDisplayed).toBe(false);
    expect(types.find((type) => type.uid === 'plugin::seed.member')?.isDisplayed).toBe(true);
  });
});
