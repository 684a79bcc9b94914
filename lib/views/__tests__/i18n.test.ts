import { describe, expect, it } from 'vitest';
import { TASKS, STATUSES, KINDS } from '../../event';
import { ALTERNATIVES, EQUIVALENTS, REGIONS } from '../../footprint';
import { labelKey, translateFrom, type MessagesFile } from '../i18n';
import { browserLanguage, resolveLanguage } from '../language';
import { shippedMessages, testTranslator } from './translators';

describe('language choice', () => {
  it("follows the browser's language when shipped, else English", () => {
    expect(browserLanguage('es-MX')).toBe('es');
    expect(browserLanguage('en-GB')).toBe('en');
    expect(browserLanguage('fr-FR')).toBe('en');
  });

  it("keeps the browser's region for numbers and weeks, whatever the language", () => {
    expect(resolveLanguage('auto', 'es-MX')).toEqual({ language: 'es', locale: 'es-MX' });
    expect(resolveLanguage('en', 'es-ES')).toEqual({ language: 'en', locale: 'en-ES' });
    expect(resolveLanguage('es', 'en-US')).toEqual({ language: 'es', locale: 'es-US' });
    expect(resolveLanguage('auto', 'fr')).toEqual({ language: 'en', locale: 'en' });
    expect(resolveLanguage('es', 'zz_not valid')).toEqual({ language: 'es', locale: 'es' });
  });
});

describe('translateFrom', () => {
  const messages: MessagesFile = {
    greeting: { message: 'Hello $1, you owe $$5' },
    items: { message: '$1 item | $1 items' },
    counted: { message: 'none | one | $1 many' },
    named: { message: 'From {start} to {end}, {missing}' },
  };
  const t = translateFrom(messages) as unknown as (key: string, ...args: unknown[]) => string;

  it("substitutes like the browser's getMessage", () => {
    expect(t('greeting', ['Ada'])).toBe('Hello Ada, you owe $5');
    expect(t('absent')).toBe('');
  });

  it('picks plural forms by count, with the count or a formatted number', () => {
    expect(t('items', 1)).toBe('1 item');
    expect(t('items', 3)).toBe('3 items');
    expect(t('items', 1200, ['1,200'])).toBe('1,200 items');
    expect([t('counted', 0), t('counted', 1), t('counted', 7)]).toEqual(['none', 'one', '7 many']);
  });

  it('fills named substitutions and leaves unknown ones', () => {
    expect(t('named', { start: 'Mon', end: 'Sun' })).toBe('From Mon to Sun, {missing}');
  });
});

describe('shipped languages', () => {
  it('have the same keys, substitutions and plural forms in English and Spanish', async () => {
    const [en, es] = await Promise.all([shippedMessages('en'), shippedMessages('es')]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const shape = (message: string) => ({
      positional: [...message.matchAll(/(?<!\$)\$[1-9]/g)].map((match) => match[0]).sort(),
      named: [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]).sort(),
      forms: message.split(' | ').length,
    });
    for (const key of Object.keys(en)) expect([key, shape(es[key]!.message)]).toEqual([key, shape(en[key]!.message)]);
  });

  it('leave no message empty in either language', async () => {
    for (const language of ['en', 'es'] as const) {
      const messages = await shippedMessages(language);
      const empty = Object.keys(messages).filter((key) => messages[key]!.message.trim() === '');
      expect([language, empty]).toEqual([language, []]);
    }
  });

  it('use only names the browser accepts', async () => {
    for (const key of Object.keys(await shippedMessages('en'))) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('name every task, kind, outcome, simpler tool, equivalent and region the footprint model uses', async () => {
    for (const language of ['en', 'es'] as const) {
      const { t } = await testTranslator(language);
      const keys = [
        ...TASKS.map((task) => `task.${task}`),
        ...KINDS.map((kind) => `kind.${kind}`),
        ...STATUSES.map((status) => `status.${status}`),
        ...Object.values(ALTERNATIVES).map((alternative) => alternative.labelKey),
        ...REGIONS.map((region) => region.labelKey),
      ];
      for (const key of keys) expect([language, key, t(labelKey(key)) !== '']).toEqual([language, key, true]);
      for (const equivalent of Object.values(EQUIVALENTS)) {
        expect(t(labelKey(equivalent.labelKey) as never, 2, ['2'])).toMatch(/^2 /);
      }
    }
  });
});
