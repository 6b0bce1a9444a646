import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.stop();
});

describe('Public reads charters over GraphQL', () => {
  it('lists the five demo charters in French with their organisation, articles, values and signatories', async () => {
    const response = await app.graphql(
      '{ charters(locale: "fr") { title organisation { name } articles { number title } values { name } signatories { name } } }',
    );
    console.log(JSON.stringify(response.body, null, 1).slice(0, 3000));
    expect(response.status).toBe(200);
  });
});
