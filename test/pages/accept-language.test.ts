// The browser's Accept-Language, as the pages read it (@fastify/accepts): most preferred first,
// q-values honoured, q=0 and unsupported languages skipped, English when nothing fits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

const CASES = [
  ['fr-CH,fr;q=0.9,en;q=0.5', 'fr'],
  ['en;q=0.2, es-ES;q=0.8, it', 'it'],
  ['de-DE, pt-BR;q=0.7, es;q=0.5', 'pt'],
  ['pt-BR;q=0, es;q=0.3', 'es'],
  ['pt-BR;q=0, de, *;q=0.1', 'en'],
  ['', 'en'],
  [undefined, 'en'],
  ['garbage;;;q=abc', 'en'],
] as const;

const headersOf = (acceptLanguage: string | undefined): Record<string, string> => (acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });

describe('Accept-Language picks the page language', () => {
  it.each(CASES)('a page, for %j → %s', async (acceptLanguage, locale) => {
    const res = await api.app.inject({ method: 'GET', url: '/support', headers: headersOf(acceptLanguage) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-language']).toBe(locale);
    expect(res.body).toContain(`<html lang="${locale}">`);
  });

  it.each(CASES)('the not-found page, for %j → %s', async (acceptLanguage, locale) => {
    const res = await api.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html', ...headersOf(acceptLanguage) } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(`<html lang="${locale}">`);
  });

  it('the language chosen in the page wins over the browser’s', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/support?locale=it', headers: headersOf('fr-CH,fr;q=0.9') });
    expect(res.body).toContain('<html lang="it">');
  });
});
