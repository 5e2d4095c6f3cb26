// Every kind × channel × language renders from its template with realistic data, and what comes out
// is fit to send: no placeholders left, the right language, the link, SMS length, ticket width.
import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../core/i18n/index.js';
import { TEMPLATE_KINDS, type AlertData, type TemplateKind } from '../../templates/alert-data.js';
import { renderAlert, TICKET_WIDTH } from '../../templates/render-alert.js';
import { base, oneStore, portalRepair, reconnectRepair, retryRepair, severalStores, signedLink } from './alert-fixtures.js';

const SMS_MAX = 320;
const LEFTOVERS = /\{\{|\}\}|\{[a-zA-Z]+[,}]|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;
const INFORMATIONAL: TemplateKind[] = ['reconnected', 'provider_issue', 'acknowledged'];

const dataFor = (kind: TemplateKind): AlertData => (kind === 'action_needed_grouped' ? severalStores : oneStore);

describe.each(LOCALES)('in %s', (locale) => {
  describe.each(TEMPLATE_KINDS)('%s', (kind) => {
    const data = dataFor(kind);
    const stores = data.repairs.flatMap((r) => r.stores);

    it('renders an e-mail with subject, accessible HTML and a plain-text part', () => {
      const email = renderAlert(kind, 'email', locale, data);
      for (const part of [email.subject!, email.html!, email.text]) expect(part).not.toMatch(LEFTOVERS);
      expect(email.subject).toMatch(kind === 'action_needed_grouped' ? new RegExp(`\\b${stores.length}\\b`) : /Uber Eats/);
      expect(email.html).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${locale}"`));
      expect(email.html).toContain(`<title>${email.subject!.replaceAll('&', '&amp;')}</title>`);
      expect(email.html).toContain('alt="');
      for (const store of stores) {
        expect(email.html).toContain(store.location);
        expect(email.text).toContain(store.location);
      }
      for (const repair of data.repairs) {
        expect(email.html).toContain(`href="${repair.link}"`);
        expect(email.text).toContain(repair.link);
      }
      if (!INFORMATIONAL.includes(kind)) expect(email.html).toContain(`>${translate(locale, 'alert.button.repair')}</a>`);
      expect(email.text).toContain('Pâtisserie Élodie & Cia');
      expect(email.html).toContain('Pâtisserie Élodie &amp; Cia');
    });

    it('renders a short SMS with the link', () => {
      const sms = renderAlert(kind, 'sms', locale, data);
      expect(sms.text).not.toMatch(LEFTOVERS);
      expect(sms.text.length).toBeLessThanOrEqual(SMS_MAX);
      expect(sms.text).toContain('Pâtisserie Élodie & Cia');
      if (!INFORMATIONAL.includes(kind)) expect(sms.text).toContain(data.repairs[0]!.link);
    });

    it('renders a ticket no wider than the paper, with steps and the link', () => {
      const ticket = renderAlert(kind, 'ticket', locale, data);
      expect(ticket.text).not.toMatch(LEFTOVERS);
      const lines = ticket.text.split('\n');
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(TICKET_WIDTH);
      expect(lines[0]).toBe(translate(locale, `ticket.headline.${kind}`));
      const flat = lines.join('');
      for (const store of stores) expect(ticket.text).toContain(store.location);
      if (!INFORMATIONAL.includes(kind)) {
        for (const repair of data.repairs) expect(flat.replaceAll(' ', '')).toContain(repair.link);
        const numbered = lines.filter((l) => /^\d+\. /.test(l)).length;
        expect(numbered).toBeGreaterThanOrEqual(3);
      }
      expect(ticket.html).toContain(`<html lang="${locale}"`);
      expect(ticket.html).not.toMatch(LEFTOVERS);
    });
  });
});

describe('the grouped e-mail of a mass outage', () => {
  const outage: AlertData = {
    ...base,
    repairs: Array.from({ length: 400 }, (_, i) => ({
      ...(i % 2 === 0 ? portalRepair : reconnectRepair),
      repairId: `rep_${i}`,
      link: signedLink(`n${i}`),
      stores: [{ location: `Local ${String(i + 1).padStart(3, '0')}`, brand: i % 3 === 0 ? 'Churros Ñam' : 'Açaí Bom', provider: i % 2 === 0 ? 'Deliveroo' : 'Uber Eats' }],
    })),
  };

  it('lists every store once, with its location, brand, provider and its own link', () => {
    const email = renderAlert('action_needed_grouped', 'email', 'es', outage);
    expect(email.subject).toBe('Acción necesaria: 400 tiendas desconectadas');
    for (const repair of outage.repairs) {
      const store = repair.stores[0]!;
      expect(email.html).toContain(`<td style="padding:6px 8px 6px 0;border-bottom:1px solid #e4e7eb;">${store.location}</td>`);
      expect(email.html).toContain(`href="${repair.link}"`);
      expect(email.text).toContain(`${store.location} · ${store.brand} · ${store.provider}`);
    }
  });

  it('groups stores by provider, one section per shared problem', () => {
    const email = renderAlert('action_needed_grouped', 'email', 'en', outage);
    const headings = [...email.html!.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Deliveroo: 200 stores', 'Uber Eats: 200 stores']);
    // Steps print once per problem, not once per store.
    expect(email.html!.split(portalRepair.steps![0]!).length - 1).toBe(1);
  });

  it('keeps the SMS short however many stores there are', () => {
    const sms = renderAlert('action_needed_grouped', 'sms', 'pt', outage);
    expect(sms.text).toMatch(/^Pâtisserie Élodie & Cia: 400 lojas deixaram de receber encomendas de 2 plataformas\. Reparar agora: /);
    expect(sms.text.length).toBeLessThanOrEqual(SMS_MAX);
  });
});

describe('details', () => {
  it('names one store in a one-store SMS', () => {
    expect(renderAlert('action_needed', 'sms', 'it', oneStore).text).toBe(`Pâtisserie Élodie & Cia: nessun ordine da Uber Eats a Città Alta - Pizzería Ñandú. Ripara ora: ${reconnectRepair.link}`);
  });

  it('prefers the short link in SMS and tickets, and the overview link for the main button', () => {
    const data: AlertData = { ...base, overviewLink: 'https://repair.example.com/repairs?org=o1', repairs: [{ ...reconnectRepair, shortLink: 'https://rpr.example/x7Kq' }] };
    expect(renderAlert('reminder', 'ticket', 'en', data).text).toContain('https://rpr.example/x7Kq');
    expect(renderAlert('reminder', 'sms', 'en', data).text).toContain('https://repair.example.com/repairs?org=o1');
    // Handlebars escapes "=" in attributes; browsers and mail clients read it back as "=".
    expect(renderAlert('action_needed_grouped', 'email', 'en', data).html).toContain('href="https://repair.example.com/repairs?org&#x3D;o1"');
  });

  // The ellipsis is written as three dots in an SMS: "…" alone would make it UCS-2.
  it('cuts a very long organization name in SMS', () => {
    const sms = renderAlert('reminder', 'sms', 'fr', { ...oneStore, orgName: 'Boulangerie-Pâtisserie Artisanale des Quatre Saisons de Montréal-Nord' });
    expect(sms.text).toMatch(/^Rappel pour Boulangerie-Pâtisserie Artisanale des Q\.\.\. : Uber Eats/);
  });

  it('prints reconnect steps when the provider gave none, and a note instead of steps for retries', () => {
    const reconnect = renderAlert('action_needed', 'ticket', 'es', oneStore).text;
    expect(reconnect).toContain('1. Abre la página de reparación desde este');
    const retry = renderAlert('action_needed', 'email', 'en', { ...base, repairs: [retryRepair] });
    expect(retry.text).toContain('Nothing to do for now: we retry automatically');
    expect(retry.html).toContain('>Open the repair</a>');
  });

  it('tells technical contacts the repair reference and since when it is broken, in the org time zone', () => {
    const email = renderAlert('escalated_emergency', 'email', 'en', oneStore);
    expect(email.text).toContain('Repair reference: rep_ubereats');
    // English in Lisbon reads dates the European way (en-GB), not the American one.
    expect(email.text).toMatch(/Broken since: 22 Nov 2026, 06:45 (GMT|UTC|WET)/);
    expect(email.text).toContain('technical contact for Pâtisserie Élodie & Cia');
  });

  it('shows the estimated lost sales when known', () => {
    const email = renderAlert('reminder', 'email', 'fr', { ...base, repairs: [portalRepair] });
    expect(email.text).toContain('Ventes perdues estimées à ce jour\u00a0: 1.240 €');
  });

  it('shows the loss as the alert activities word it (label.loss)', () => {
    const estimatedLostRevenue = translate('it', 'label.loss', { lost: '412 €', perHour: '96 €' });
    const ticket = renderAlert('action_needed', 'ticket', 'it', { ...base, repairs: [{ ...portalRepair, estimatedLostRevenue }] });
    expect(ticket.text).toContain('Vendite perse stimate finora: 412 € (96 €');
  });

  it('greets by name only when there is one', () => {
    expect(renderAlert('action_needed', 'email', 'es', oneStore).text).toContain('Hola, Élodie Müller-Ibáñez:');
    const { recipientName: _, ...anonymous } = oneStore;
    expect(renderAlert('action_needed', 'email', 'es', anonymous).text).not.toContain('Hola');
  });

  it('escapes merchant-provided names in HTML', () => {
    const email = renderAlert('action_needed', 'email', 'en', { ...oneStore, orgName: '<script>alert(1)</script>', repairs: [{ ...reconnectRepair, stores: [{ location: '<b>x</b>', brand: 'B"rand', provider: 'Uber Eats' }] }] });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('falls back to English for an unsupported language and reads region tags', () => {
    expect(renderAlert('reconnected', 'email', 'de-AT', oneStore).html).toContain('<html lang="en"');
    expect(renderAlert('reconnected', 'email', 'fr-CA', oneStore).subject).toBe('Uber Eats est de nouveau connecté');
  });

  it('refuses a message about nothing', () => {
    expect(() => renderAlert('action_needed', 'email', 'en', { ...base, repairs: [] })).toThrow(/at least one repair/);
  });
});

describe('numbers that are true', () => {
  const store = (n: number, provider: string, perHour?: string) => ({ storeId: `sto_${n}`, location: `Local ${n}`, brand: 'Açaí Bom', provider, ...(perHour ? { estimatedLostRevenue: `€0 (${perHour} per hour)` } : {}) });
  // 4 stores, two of them on both providers; the connections' figures are the sums of their stores'.
  const both: AlertData = {
    ...base,
    repairs: [
      { ...reconnectRepair, estimatedLostRevenue: '€0 (€200 per hour)', stores: [store(1, 'Uber Eats', '€20'), store(2, 'Uber Eats', '€40'), store(3, 'Uber Eats', '€60'), store(4, 'Uber Eats', '€80')] },
      { ...portalRepair, estimatedLostRevenue: '€0 (€60 per hour)', stores: [store(1, 'Deliveroo', '€30'), store(2, 'Deliveroo', '€30')] },
    ],
  };

  it('counts a store once however many providers it is on, and says how many per provider', () => {
    const email = renderAlert('action_needed_grouped', 'email', 'en', both);
    expect(email.subject).toBe('Action needed: 4 stores disconnected');
    expect(email.text).toContain('2 delivery apps are affected: Uber Eats (4 stores) and Deliveroo (2 stores).');
    expect(renderAlert('action_needed_grouped', 'sms', 'en', both).text).toContain('4 stores');
  });

  it('puts each store’s own lost sales on its line, never the connection’s on every line', () => {
    const email = renderAlert('action_needed_grouped', 'email', 'en', both);
    for (const body of [email.text, email.html!]) {
      expect(body).not.toContain('€200 per hour');
      for (const perHour of ['€20', '€40', '€60', '€80']) expect(body.split(`(${perHour} per hour)`).length - 1).toBe(1);
    }
    // Without each store's share, the connection's figure is said once, for its stores together.
    const unsplit = renderAlert('action_needed_grouped', 'email', 'en', { ...base, repairs: [portalRepair, reconnectRepair] });
    expect(unsplit.text.split('1.240 €').length - 1).toBe(1);
    expect(unsplit.text).toContain('Estimated lost sales of 2 stores on one account, together: 1.240 €');
  });

  it('announces a store fixed in the portal as back, and a reconnected account as connected', () => {
    const fixed = renderAlert('reconnected', 'email', 'es', { ...base, repairs: [{ ...portalRepair, stores: [portalRepair.stores[0]!] }] });
    expect(fixed.subject).toBe('São João · Pão Quente vuelve a estar en Deliveroo');
    expect(renderAlert('reconnected', 'sms', 'fr', { ...base, repairs: [portalRepair] }).text).toContain('2 magasins sont de retour sur Deliveroo');
    expect(renderAlert('reconnected', 'email', 'en', oneStore).subject).toBe('Uber Eats is connected again');
  });
});
