/**
 * Loads the demo content. Idempotent: each organisation, value, charter locale and signature is
 * looked up by its natural key (slug, locale, name) and created only when missing, so a second
 * run writes nothing and staff edits to existing content are kept.
 * A new locale is added with `update({ locale })`, which does not copy the fields all locales
 * share (slug, relations…): each translation repeats them.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../bootstrap/locales';
import { demoOrganisations, type CharterText, type DemoCharter, type DemoOrganisation, type DemoValue } from './demo-content';

export interface SeedReport {
  created: number;
}

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

export const loadDemoContent = async (strapi: Core.Strapi): Promise<SeedReport> => {
  const report: SeedReport = { created: 0 };

  const ensureOrganisation = async (organisation: DemoOrganisation): Promise<string> => {
    const { slug, name, kind, website, presentation } = organisation;
    const existing = await strapi.documents(ORGANISATION).findFirst({ filters: { slug }, locale: DEFAULT_LOCALE });
    let documentId = existing?.documentId;
    if (!documentId) {
      report.created += 1;
      documentId = (await strapi.documents(ORGANISATION).create({ locale: DEFAULT_LOCALE, data: { slug, name, kind, website, presentation } })).documentId;
    }
    if (organisation.en && !(await strapi.documents(ORGANISATION).findOne({ documentId, locale: 'en' }))) {
      report.created += 1;
      await strapi.documents(ORGANISATION).update({ documentId, locale: 'en', data: { slug, name, kind, website, ...organisation.en } });
    }
    return documentId;
  };

  const ensureValue = async (value: DemoValue, position: number, organisationId: string): Promise<string> => {
    const existing = await strapi.documents(VALUE).findFirst({ filters: { slug: value.slug }, locale: DEFAULT_LOCALE });
    let documentId = existing?.documentId;
    if (!documentId) {
      report.created += 1;
      const data = { slug: value.slug, name: value.name, explanation: value.explanation, position, organisation: organisationId };
      documentId = (await strapi.documents(VALUE).create({ locale: DEFAULT_LOCALE, data })).documentId;
    }
    if (value.en && !(await strapi.documents(VALUE).findOne({ documentId, locale: 'en' }))) {
      report.created += 1;
      await strapi.documents(VALUE).update({ documentId, locale: 'en', data: { ...value.en, slug: value.slug, position, organisation: organisationId } });
    }
    return documentId;
  };

  const ensureCharter = async (charter: DemoCharter, organisationId: string, valueIds: Map<string, string>) => {
    const values = charter.values.map((slug) => {
      const id = valueIds.get(slug);
      if (!id) throw new Error(`Demo charter ${charter.slug} names an unknown value ${slug}`);
      return id;
    });
    const shared = { slug: charter.slug, organisation: organisationId, values, term: charter.term, licence: charter.licence };
    const existing = await strapi.documents(CHARTER).findFirst({ filters: { slug: charter.slug }, locale: DEFAULT_LOCALE });
    let documentId = existing?.documentId;
    if (!documentId) {
      report.created += 1;
      const data = { ...charterData(charter), ...shared };
      documentId = (await strapi.documents(CHARTER).create({ locale: DEFAULT_LOCALE, data, status: 'published' })).documentId;
    }
    if (charter.en && !(await strapi.documents(CHARTER).findOne({ documentId, locale: 'en' }))) {
      report.created += 1;
      const data = { ...charterData(charter.en), ...shared };
      await strapi.documents(CHARTER).update({ documentId, locale: 'en', data, status: 'published' });
    }
    for (const signatory of charter.signatories ?? []) {
      const signed = await strapi.documents(SIGNATURE).findFirst({
        filters: { name: signatory.name, charter: { documentId } },
      });
      if (signed) continue;
      report.created += 1;
      await strapi.documents(SIGNATURE).create({
        data: { ...signatory, readAndApproved: true, charter: { documentId, locale: DEFAULT_LOCALE } },
      });
    }
  };

  for (const organisation of demoOrganisations) {
    const organisationId = await ensureOrganisation(organisation);
    const valueIds = new Map<string, string>();
    for (const [position, value] of organisation.values.entries()) {
      valueIds.set(value.slug, await ensureValue(value, position, organisationId));
    }
    await ensureCharter(organisation.charter, organisationId, valueIds);
  }
  return report;
};

/** On the first start of an empty database, unless DEMO_CONTENT=false. */
export const loadDemoContentOnFirstStart = async (strapi: Core.Strapi): Promise<void> => {
  if (process.env.DEMO_CONTENT === 'false') return;
  if ((await strapi.documents(ORGANISATION).count({})) > 0) return;
  const { created } = await loadDemoContent(strapi);
  strapi.log.info(`Loaded the demo content (${created} documents and translations).`);
};
