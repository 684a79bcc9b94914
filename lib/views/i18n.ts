import { i18n } from '#i18n';
import type { Language } from '../settings';
import { extensionApi } from '../extension-api';
import { browserLanguage, resolveLanguage, type ShippedLanguage } from './language';

/**
 * Texts in the user's language. The words live in locales/*.yml, which
 * @wxt-dev/i18n builds into the extension's _locales/<lang>/messages.json.
 *
 * `browser.i18n` speaks only the browser's own language. When the user picks
 * another one in the settings, the page reads that language's messages.json
 * from the extension's own files (a file of the package, not a network
 * request) and translates with the same rules as @wxt-dev/i18n: `$1`…`$9`
 * substitutions, plural forms split on " | " by count, `{name}` substitutions.
 */

export type Translate = typeof i18n.t;
export type MessageKey = Parameters<Translate>[0];

export interface Translator {
  /** The language of the texts. */
  readonly language: ShippedLanguage;
  /** The BCP 47 locale for Intl: the texts' language with the browser's region ("es-US"). */
  readonly locale: string;
  readonly t: Translate;
}

/** A messages.json as the browser reads it. */
export type MessagesFile = Record<string, { message: string }>;

/** Chrome's getMessage substitution: `$1`…`$9` from the list, `$$` for a literal dollar. */
function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_match, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

function applyNamed(message: string, named: Record<string, string | number>): string {
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(named, name) ? String(named[name]) : match,
  );
}

/** The plural form for `count`: "one | other", or "zero | one | other". */
function pluralForm(message: string, count: number): string {
  const forms = message.split(' | ');
  if (forms.length === 2) return forms[count === 1 ? 0 : 1]!;
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2]!;
  return forms[0]!;
}

/** A `t` over a messages file, with @wxt-dev/i18n's argument rules. */
export function translateFrom(messages: MessagesFile): Translate {
  const t = (key: string, ...args: unknown[]): string => {
    let substitutions: string[] | undefined;
    let named: Record<string, string | number> | undefined;
    let count: number | undefined;
    for (const arg of args) {
      if (typeof arg === 'number') count = arg;
      else if (Array.isArray(arg)) substitutions = arg.map(String);
      else if (typeof arg === 'object' && arg !== null) named = arg as Record<string, string | number>;
    }
    if (count !== undefined && substitutions === undefined) substitutions = [String(count)];
    const entry = messages[key.replaceAll('.', '_')];
    let message = entry ? substitute(entry.message, substitutions ?? []) : '';
    if (count !== undefined) message = pluralForm(message, count);
    return named ? applyNamed(message, named) : message;
  };
  return t as Translate;
}

export interface LoadOptions {
  uiLanguage?: string;
  /** Reads a shipped language's messages.json (tests pass the parsed locale file). */
  readMessages?: (language: ShippedLanguage) => Promise<MessagesFile>;
}

async function readShippedMessages(language: ShippedLanguage): Promise<MessagesFile> {
  // WXT types getURL for the files it knows it emits; the module's _locales are not among them.
  const url = (extensionApi().runtime.getURL as (path: string) => string)(`/_locales/${language}/messages.json`);
  const response = await fetch(url);
  return (await response.json()) as MessagesFile;
}

/**
 * The translator for a language setting: the browser's own i18n when it
 * speaks that language (synchronous, nothing to load), else the shipped file.
 */
export async function loadTranslator(setting: Language, options: LoadOptions = {}): Promise<Translator> {
  const uiLanguage = options.uiLanguage ?? extensionApi().i18n.getUILanguage();
  const { language, locale } = resolveLanguage(setting, uiLanguage);
  if (language === browserLanguage(uiLanguage) && !options.readMessages) return { language, locale, t: i18n.t };
  const messages = await (options.readMessages ?? readShippedMessages)(language);
  return { language, locale, t: translateFrom(messages) };
}

/** Footprint label keys ("alternative.web-search") as message keys: message names allow no hyphen. */
export function labelKey(key: string): MessageKey {
  return key.replaceAll('-', '_') as MessageKey;
}
