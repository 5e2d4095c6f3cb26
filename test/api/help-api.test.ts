// The help center through the real API: search, an article, and the assistant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

describe('help center API', () => {
  it('finds the right article for an accent-less Spanish query', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/help/articles?q=deliveroo%20restaurante%20inactivo&locale=es', headers: auth() });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { slug: string }[] };
    expect(body.items[0]!.slug).toBe('deliveroo-store-inactive');
    const article = await api.app.inject({ method: 'GET', url: '/v1/help/articles/deliveroo-store-inactive?locale=es', headers: auth() });
    expect(article.statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/v1/help/articles/no-such-article', headers: auth() })).statusCode).toBe(404);
  });

  it('answers a question with steps, or offers a ticket', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/v1/help/ask', headers: auth(), payload: { question: 'le code de vérification Uber Eats n’arrive pas' } });
    const body = res.json() as { answered: boolean; locale: string; article?: { slug: string } };
    expect(body).toMatchObject({ answered: true, locale: 'fr' });
    const nonsense = (await api.app.inject({ method: 'POST', url: '/v1/help/ask', headers: auth(), payload: { question: 'zzzz qqqq xxxx', locale: 'en' } })).json() as { answered: boolean; offerTicket: boolean };
    expect(nonsense).toMatchObject({ answered: false, offerTicket: true });
  });
});

describe('help pages', () => {
  it('searches in the merchant\'s language and shows an article', async () => {
    const search = await api.app.inject({ method: 'GET', url: '/help?q=contrasena%20uber%20eats&locale=es' });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<html lang="es">');
    expect(search.body).toContain('/help/articles/uber-eats-invalid-credentials?locale=es');
    const article = await api.app.inject({ method: 'GET', url: '/help/articles/deliveroo-store-inactive?locale=fr' });
    expect(article.statusCode).toBe(200);
    expect(article.body).toMatch(/<h1>[^<]+<\/h1>/);
    expect(article.body).toContain('<ol class="steps">');
    expect((await api.app.inject({ method: 'GET', url: '/help/articles/nope' })).statusCode).toBe(404);
  });
});
