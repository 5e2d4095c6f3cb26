// Every text a merchant reads, by locale, each with where it lives (file and key) so a failing
// check names the place to fix. Templates (.hbs) hold no words of their own: only keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleSource } from '../../api/help/article-front-matter.js';
import { ASSISTANT_REPLIES } from '../../api/help/assistant-replies.js';
import type { Locale } from '../../core/i18n/index.js';
import { PROVIDER_TEXTS } from '../../core/providers/texts/index.js';

export interface MerchantText {
  /** File and key, e.g. "core/i18n/pages/es.json page.done.title". */
  where: string;
  text: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;

function catalogue(path: string): MerchantText[] {
  return Object.entries(readJson(path)).map(([key, text]) => ({ where: `${path} ${key}`, text }));
}

/** Strings anywhere inside a nested object or array, keyed by their path. */
function leaves(value: unknown, where: string): MerchantText[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${where}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, `${where}.${key}`));
  return [];
}

/** Titles and bodies; tags are left out: they are search words, never shown, and keep synonyms on purpose. */
function articles(locale: Locale): MerchantText[] {
  return ['general', 'templates'].flatMap((kind) => {
    const dir = `api/help/articles/${kind}/${locale}`;
    return readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).flatMap((file) => {
      const path = `${dir}/${file}`;
      const { fields, body } = readArticleSource(readFileSync(join(root, path), 'utf8'), path);
      const shown = Object.entries(fields).filter(([key, v]) => key !== 'tags' && typeof v === 'string');
      return [...shown.map(([key, v]) => ({ where: `${path} ${key}`, text: v as string })), { where: `${path} body`, text: body }];
    });
  });
}

function assistant(locale: Locale): MerchantText[] {
  const replies = ASSISTANT_REPLIES[locale];
  const where = `api/help/assistant-replies.ts ${locale}`;
  return [
    { where: `${where}.answered`, text: replies.answered('{title}') },
    { where: `${where}.unsure`, text: replies.unsure('{title}') },
    { where: `${where}.unknown`, text: replies.unknown },
  ];
}

export function merchantTexts(locale: Locale): MerchantText[] {
  return [
    ...catalogue(`core/i18n/translations/${locale}.json`),
    ...catalogue(`core/i18n/pages/${locale}.json`),
    ...leaves(PROVIDER_TEXTS[locale], `core/providers/texts/${locale}.ts`).filter((t) => !t.where.includes('.quotes.')),
    ...articles(locale),
    ...assistant(locale),
  ];
}
