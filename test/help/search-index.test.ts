import { describe, expect, it } from 'vitest';
import { searchArticles } from '../../api/help/search-index.js';
import type { Locale } from '../../core/providers/index.js';

const topSlug = async (q: string, locale: Locale, extra: { provider?: string; errorType?: 'invalid_credentials' | 'invalid_store_config' } = {}) =>
  (await searchArticles({ q, locale, limit: 3, ...extra }))[0]?.article.slug;

describe('searchArticles', () => {
  it.each([
    ['en', 'verification code does not arrive', 'reconnect-with-verification-code'],
    ['es', 'el código de verificación no llega', 'reconnect-with-verification-code'],
    ['fr', 'horaires du support', 'support-hours'],
    ['it', 'promemoria più tardi', 'do-it-later-reminders'],
    ['pt', 'dados de contacto obrigatórios', 'contact-details'],
  ] as const)('finds the right article in %s', async (locale, q, slug) => {
    expect(await topSlug(q, locale)).toBe(slug);
  });

  it('folds accents: queries without them find accented articles', async () => {
    expect(await topSlug('contrasena cambiada', 'es', { provider: 'deliveroo' })).toBe('deliveroo-invalid-credentials');
    expect(await topSlug('codigo de verificacion no llega', 'es')).toBe('reconnect-with-verification-code');
    expect(await topSlug('verificacao codigo', 'pt')).toBe('reconnect-with-verification-code');
  });

  it('stems: "reconnecting" finds articles that say "reconnect"', async () => {
    const hits = await searchArticles({ q: 'reconnecting', locale: 'en', limit: 5 });
    expect(hits.map((h) => h.article.slug)).toContain('reconnect-with-verification-code');
  });

  it('filters by provider and error type', async () => {
    const byProvider = await searchArticles({ q: 'store inactive', locale: 'en', provider: 'doordash', limit: 20 });
    expect(byProvider.length).toBeGreaterThan(0);
    expect(byProvider.every((h) => h.article.provider === 'doordash')).toBe(true);
    expect(byProvider[0]?.article.slug).toBe('doordash-store-inactive');
    const byType = await searchArticles({ q: 'password', locale: 'en', errorType: 'invalid_credentials', limit: 50 });
    expect(byType.length).toBe(15);
    expect(byType.every((h) => h.article.errorType === 'invalid_credentials')).toBe(true);
  });

  it('keeps the original text for display and cuts a snippet around the match', async () => {
    const [hit] = await searchArticles({ q: 'contrasena', locale: 'es', provider: 'glovo', errorType: 'invalid_credentials' });
    expect(hit?.article.title).toContain('contraseña');
    expect(hit?.snippet.length).toBeLessThanOrEqual(180);
    expect(hit?.snippet.toLowerCase()).toContain('contraseña');
  });

  it('answers nothing for an empty or stop-word-only query', async () => {
    expect(await searchArticles({ q: '   ', locale: 'en' })).toEqual([]);
    expect(await searchArticles({ q: 'the and of', locale: 'en' })).toEqual([]);
  });
});
