import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { loadTranslator, type MessagesFile, type Translator } from '../i18n';
import type { ShippedLanguage } from '../language';

/** The messages.json the build makes from locales/<language>.yml, read in Node. */
export async function shippedMessages(language: ShippedLanguage): Promise<MessagesFile> {
  return generateChromeMessages(await parseMessagesFile(resolve(__dirname, '../../../locales', `${language}.yml`))) as MessagesFile;
}

/** A translator as a page gets it, for tests (which have no browser.i18n). */
export function testTranslator(language: ShippedLanguage, uiLanguage = language === 'es' ? 'es-ES' : 'en-US'): Promise<Translator> {
  return loadTranslator(language, { uiLanguage, readMessages: shippedMessages });
}
