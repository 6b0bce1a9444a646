import { useIntl } from 'react-intl';
import fr from './translations/fr.json';
import en from './translations/en.json';

export const PLUGIN_ID = 'seed';

type Key = keyof typeof fr;
type Values = Record<string, string | number | boolean | null | undefined>;

/** The plugin's messages, French when the admin has no translation for its language. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (key: string, values?: Values): string =>
    formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: fr[key as Key] ?? key }, values);
};

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text]));

const TRANSLATIONS: Record<string, Record<string, string>> = { fr, en };

export const registerTrads = async ({ locales }: { locales: string[] }) =>
  locales.map((locale) => ({ locale, data: prefixed(TRANSLATIONS[locale] ?? {}) }));
