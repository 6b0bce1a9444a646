/**
 * French is the default locale and English the second one. Set once, when French is first
 * created, so staff may change the default later in Settings → Internationalization.
 */
import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'fr';

const LOCALES = [
  { code: 'fr', name: 'French (fr)' },
  { code: 'en', name: 'English (en)' },
];

export const ensureLocales = async (strapi: Core.Strapi): Promise<void> => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (await locales.findByCode(locale.code)) continue;
    await locales.create(locale);
    if (locale.code === DEFAULT_LOCALE) {
      await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    }
  }
};
