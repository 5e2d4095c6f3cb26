import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/providers/index.js';
import { createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

describe('support page', () => {
  it.each(LOCALES)('lists the four channels with their response times in %s', async (locale) => {
    const res = await api.app.inject({ method: 'GET', url: `/support?locale=${locale}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${locale}">`);
    expect(res.body.match(/<tr><th scope="row">/g)).toHaveLength(4);
    // One source: the configured first-response target (24 business hours by default), never a range.
    expect(res.body).toMatch(/\b24\b/);
    expect(res.body).not.toMatch(/24\s?(–|-|à|a|e)\s?48/);
  });

  it('follows Accept-Language', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/support', headers: { 'accept-language': 'fr-CH,fr;q=0.9,en;q=0.5' } });
    expect(res.body).toContain('Obtenir de l’aide');
  });
});
