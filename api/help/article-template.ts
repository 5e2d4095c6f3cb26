// Filling a per-locale article template with one provider's names, menus and portal steps.
import { portalMenusFor, portalSteps, type Locale, type ProviderEntry } from '../../core/providers/index.js';
import { articleSlug, type ArticleKind } from './article-kinds.js';
import type { ArticleSource } from './article-front-matter.js';
import type { HelpArticle } from './article.types.js';
import { stepsOf } from './article-steps.js';

const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);

const numbered = (steps: readonly string[]): string => steps.map((step, i) => `${i + 1}. ${step}`).join('\n');

export function expandTemplate(template: ArticleSource, locale: Locale, provider: ProviderEntry, kind: ArticleKind): HelpArticle {
  const { fields, body } = template;
  // Store-config articles quote the catalogue's own steps, so the article and the repair page agree.
  const steps = kind.cause ? portalSteps(provider.id, kind.cause, locale) : [];
  const menus = portalMenusFor(provider, locale);
  const values: Record<string, string> = {
    provider: provider.name,
    portal: provider.portalName,
    portalUrl: provider.portalUrl,
    helpUrl: provider.helpUrl,
    account: menus.account,
    support: menus.support,
    stores: menus.stores,
    steps: numbered(steps),
  };
  const filledBody = fill(body, values);
  const tags = (fields.tags ?? []).map((t) => fill(t, values));
  return {
    slug: articleSlug(provider.id, kind),
    locale,
    title: fill(fields.title, values),
    provider: provider.id,
    errorType: kind.errorType,
    ...(kind.cause ? { cause: kind.cause } : {}),
    tags: [...tags, provider.name, provider.portalName],
    body: filledBody,
    steps: stepsOf(filledBody),
  };
}
