import type { Language } from '../settings';

/** The languages Frugal's texts are written in (locales/*.yml). */
export const SHIPPED_LANGUAGES = ['en', 'es'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

function baseLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

function isShipped(language: string): language is ShippedLanguage {
  return (SHIPPED_LANGUAGES as readonly string[]).includes(language);
}

/** The language the browser's own i18n picks: the UI language if shipped, else the default (English). */
export function browserLanguage(uiLanguage: string): ShippedLanguage {
  const base = baseLanguage(uiLanguage);
  return isShipped(base) ? base : 'en';
}

/**
 * The texts' language and the Intl locale. The region comes from the browser
 * even when the language is overridden, so an English speaker in Spain gets
 * English words with Monday-first weeks, and Spanish in the USA starts on Sunday.
 */
export function resolveLanguage(setting: Language, uiLanguage: string): { language: ShippedLanguage; locale: string } {
  const language = setting === 'auto' ? browserLanguage(uiLanguage) : setting;
  let region: string | undefined;
  try {
    region = new Intl.Locale(uiLanguage.replace('_', '-')).region;
  } catch {
    region = undefined;
  }
  const withRegion = region ? `${language}-${region}` : language;
  try {
    return { language, locale: Intl.getCanonicalLocales(withRegion)[0] ?? language };
  } catch {
    return { language, locale: language };
  }
}
