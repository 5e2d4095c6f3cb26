import { describe, expect, it } from 'vitest';
import { allArticles, getArticle, listArticles } from '../../api/help/article-library.js';
import { readArticleSource } from '../../api/help/article-front-matter.js';
import { LOCALES, PROVIDERS, causesOf, portalSteps } from '../../core/providers/index.js';

describe('article library', () => {
  it('has the general articles in every locale', () => {
    for (const locale of LOCALES) {
      const general = listArticles({ locale }).filter((a) => !a.provider);
      expect(general.length, locale).toBeGreaterThanOrEqual(6);
    }
  });

  it('has one article per provider and error type or cause, in every locale', () => {
    for (const locale of LOCALES) {
      for (const provider of PROVIDERS) {
        const own = listArticles({ locale, provider: provider.id });
        const kinds = new Set(provider.errors.filter((r) => r.errorType !== 'unknown').map((r) => r.cause ?? r.errorType));
        expect(own.length, `${locale} ${provider.id}`).toBe(kinds.size);
      }
    }
    expect(new Set(allArticles().map((a) => `${a.locale}:${a.slug}`)).size).toBe(allArticles().length);
  });

  it('fills templates with the provider, its portal and its own portal steps', () => {
    const article = getArticle('deliveroo-store-inactive', 'fr');
    expect(article?.title).toContain('Deliveroo');
    expect(article?.steps).toEqual(portalSteps('deliveroo', 'store_inactive', 'fr'));
    expect(article?.body).not.toMatch(/\{\w+\}/);
    expect(allArticles().every((a) => !/\{\w+\}/.test(a.body + a.title))).toBe(true);
    expect(causesOf('uber_eats')).toContain('non_traditional_login');
    expect(getArticle('uber-eats-non-traditional-login', 'it')?.cause).toBe('non_traditional_login');
  });

  it('falls back to English for an unknown locale version, and misses unknown slugs', () => {
    expect(getArticle('uber-eats-invalid-credentials', 'es')?.locale).toBe('es');
    expect(getArticle('repair-alerts', 'de' as never)?.locale).toBe('en');
    expect(getArticle('no-such-article', 'es')).toBeUndefined();
    expect(listArticles({ locale: 'pt', errorType: 'mfa_required' }).map((a) => a.provider).sort()).toEqual(['doordash', 'foodpanda_web']);
  });

  it('reads YAML front matter, and a bad article fails naming its file', () => {
    const good = readArticleSource('---\ntitle: "{provider} is down"\ntags: [outage, down]\n---\n1. Wait.\r\n', 'good.md');
    expect(good).toEqual({ fields: { title: '{provider} is down', tags: ['outage', 'down'] }, body: '1. Wait.' });
    const bad: Array<[string, RegExp]> = [
      ['---\ntitle: {provider} is down\n---\nBody', /bad\.md: front matter is not valid YAML/],
      ['---\ntitle: Down\ntags: [outage, 2]\n---\nBody', /bad\.md: \/tags\/1 must be string/],
      ['---\ntitle: Down\ntag: [outage]\n---\nBody', /bad\.md: .*additional properties/],
      ['---\ntitle: Down\nerrorType: broken\n---\nBody', /bad\.md: \/errorType must be equal to one of the allowed values$/],
      ['---\ntags: [outage]\n---\nBody', /bad\.md: .*title/],
      ['---\ntitle: Down\n', /bad\.md: no body/],
      ['---\ntitle: Down\n\nBody without a closing fence', /bad\.md: front matter is not valid YAML/],
    ];
    for (const [source, message] of bad) expect(() => readArticleSource(source, 'bad.md'), source).toThrow(message);
  });
});
