/**
 * Loads the demo content: the five organisations' charters, then the demo association's members,
 * campaign and exchanges (load-demo-association). Idempotent: each organisation, value, charter locale and signature is
 * looked up by its natural key (slug, locale, name) and created only when missing, so a second
 * run writes nothing and staff edits to existing content are kept.
 * A new locale is added with `update({ locale })`, which does not copy the fields all locales
 * share (slug, relations…): each translation repeats them. `status: 'published'` publishes
 * charters and is ignored by types without drafts.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../bootstrap/locales';
import { demoOrganisations, type CharterText, type DemoCharter } from './demo-content';
import { loadDemoAssociation, type SeedReport } from './load-demo-association';

const ORGANISATION = 'api::organisation.organisation';
const VALUE = 'api::value.value';
const CHARTER = 'api::charter.charter';
const SIGNATURE = 'api::signature.signature';

const charterData = (text: CharterText) => ({
  title: text.title,
  intention: text.intention,
  articles: text.articles,
  roles: text.roles ?? [],
  profitSplit: text.profitSplit ?? [],
  disputeSteps: text.disputeSteps ?? [],
  dataProtection: text.dataProtection,
  revisionRule: text.revisionRule,
});

type LocalizedUid = typeof ORGANISATION | typeof VALUE | typeof CHARTER;
type Data = Record<string, unknown>;

export const loadDemoContent = async (strapi: Core.Strapi): Promise<SeedReport> => {
  const report: SeedReport = { created: 0 };

  /** The French version by slug, created if missing; then the English one, if given and missing. */
  const ensureLocalized = async (uid: LocalizedUid, slug: string, fr: Data, en?: Data): Promise<string> => {
    // The data shapes differ per content type; each caller builds the right one.
    const documents = strapi.documents(uid as typeof CHARTER);
    const status = 'published' as const;
    const existing = await documents.findFirst({ filters: { slug }, locale: DEFAULT_LOCALE });
    let documentId = existing?.documentId;
    if (!documentId) {
      report.created += 1;
      documentId = (await documents.create({ locale: DEFAULT_LOCALE, data: { ...fr, slug } as never, status })).documentId;
    }
    if (en && !(await documents.findOne({ documentId, locale: 'en' }))) {
      report.created += 1;
      await documents.update({ documentId, locale: 'en', data: { ...en, slug } as never, status });
    }
    return documentId;
  };

  const ensureCharter = async (charter: DemoCharter, organisation: string, valueIds: Map<string, string>) => {
    const values = charter.values.map((slug) => {
      const id = valueIds.get(slug);
      if (!id) throw new Error(`Demo charter ${charter.slug} names an unknown value ${slug}`);
      return id;
    });
    const shared = { organisation, values, term: charter.term, licence: charter.licence };
    const documentId = await ensureLocalized(
      CHARTER,
      charter.slug,
      { ...charterData(charter), ...shared },
      charter.en && { ...charterData(charter.en), ...shared },
    );
    for (const signatory of charter.signatories ?? []) {
      const signed = await strapi.documents(SIGNATURE).findFirst({ filters: { name: signatory.name, charter: { documentId } } });
      if (signed) continue;
      report.created += 1;
      await strapi.documents(SIGNATURE).create({
        data: { ...signatory, readAndApproved: true, charter: { documentId, locale: DEFAULT_LOCALE } },
      });
    }
  };

  for (const organisation of demoOrganisations) {
    const { slug, name, kind, website, presentation, en } = organisation;
    const shared = { name, kind, website };
    const organisationId = await ensureLocalized(ORGANISATION, slug, { ...shared, presentation }, en && { ...shared, ...en });
    const valueIds = new Map<string, string>();
    for (const [position, value] of organisation.values.entries()) {
      const common = { position, organisation: organisationId };
      const fr = { name: value.name, explanation: value.explanation, ...common };
      valueIds.set(value.slug, await ensureLocalized(VALUE, value.slug, fr, value.en && { ...value.en, ...common }));
    }
    await ensureCharter(organisation.charter, organisationId, valueIds);
  }
  await loadDemoAssociation(strapi, report);
  return report;
};

/** On the first start of an empty database, unless DEMO_CONTENT=false. */
export const loadDemoContentOnFirstStart = async (strapi: Core.Strapi): Promise<void> => {
  if (process.env.DEMO_CONTENT === 'false') return;
  if ((await strapi.documents(ORGANISATION).count({})) > 0) return;
  const { created } = await loadDemoContent(strapi);
  strapi.log.info(`Loaded the demo content (${created} documents and translations).`);
};
