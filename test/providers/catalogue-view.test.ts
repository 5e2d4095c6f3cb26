// GET /v1/providers publishes this view: JSON-friendly, localized, complete.
import { describe, expect, it } from 'vitest';
import { catalogueView, LOCALES, PROVIDERS } from '../../core/providers/index.js';

describe('catalogueView', () => {
  it('lists every provider with every code, its type, cause and resolution, labelled in the locale', () => {
    const view = catalogueView('fr');
    expect(view.locale).toBe('fr');
    expect(view.providers.map((p) => p.id)).toEqual(PROVIDERS.map((p) => p.id));
    expect(view.providers[0]!.errors[0]).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      errorType: 'invalid_credentials',
      errorTypeLabel: 'Les identifiants ne fonctionnent plus',
      cause: null,
      resolution: 'reconnect',
      resolutionLabel: 'Reconnecter le compte',
    });
    for (const [i, p] of PROVIDERS.entries()) expect(view.providers[i]!.errors).toHaveLength(p.errors.length);
  });

  it('includes each provider’s causes with their steps', () => {
    const deliveroo = catalogueView('es').providers.find((p) => p.id === 'deliveroo')!;
    const inactive = deliveroo.causes.find((c) => c.cause === 'store_inactive')!;
    expect(inactive.label).toBe('La tienda está inactiva o en pausa');
    expect(inactive.steps.join(' ')).toContain('Deliveroo Partner Hub');
  });

  it('says where every other provider goes', () => {
    expect(catalogueView('en').otherProviders).toEqual({ selfRepairable: false, errorType: 'unknown', resolution: 'support' });
  });

  it.each(LOCALES)('survives a JSON round trip in %s', (locale) => {
    const view = catalogueView(locale);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
