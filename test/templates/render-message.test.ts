// Every template, in every language, with realistic data: no missing key, no leftover placeholder.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../providers/index.js';
import { messagesOf, translate } from '../../i18n/index.js';
import { renderMessage, TICKET_WIDTH } from '../../templates/render-message.js';
import type { AlertData, TemplateKind } from '../../activities/alerts/alert-channels.js';

const KINDS: TemplateKind[] = ['action_needed', 'action_needed_grouped', 'reminder', 'escalated_emergency', 'escalated_support', 'support_requested', 'reconnected', 'provider_issue'];

const data: AlertData = {
  orgName: 'Pâtisserie Élodie & Cia',
  recipientName: 'Élodie Müller',
  generatedAt: '2026-11-23T09:30:00Z',
  timezone: 'Europe/Lisbon',
  repairs: [
    {
      repairId: 'rep_one',
      provider: 'Deliveroo',
      errorTypeLabel: 'Store needs a fix',
      resolution: 'merchant_portal',
      actionLabel: 'Follow the steps',
      link: 'https://repair.example/r/tok-one',
      stores: [
        { location: 'São João', brand: 'Pão Quente', provider: 'Deliveroo' },
        { location: 'Gràcia', brand: 'Crêpes d’Élodie', provider: 'Deliveroo' },
      ],
      steps: ['Sign in to Deliveroo Partner Hub with an administrator account that has a long name.', 'Open Sites.', 'Reactivate the site.'],
    },
    {
      repairId: 'rep_two',
      provider: 'Uber Eats',
      errorTypeLabel: 'Sign-in details no longer work',
      resolution: 'reconnect',
      actionLabel: 'Reconnect the account',
      link: 'https://repair.example/r/tok-two',
      stores: [{ location: 'Città Alta', brand: 'Pizzería Ñandú', provider: 'Uber Eats' }],
    },
  ],
};
const single: AlertData = { ...data, repairs: [{ ...data.repairs[1]! }] };

describe('locales', () => {
  it('have exactly the same keys as English, and every message parses', () => {
    const english = Object.keys(messagesOf('en')).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(messagesOf(locale)).sort()).toEqual(english);
      for (const key of english) expect(() => translate(locale, key, { provider: 'X', count: 3, orgName: 'O', link: 'L', date: 'D', name: 'N' })).not.toThrow();
    }
  });
});

describe.each(LOCALES)('templates in %s', (locale) => {
  it.each(KINDS)('%s renders in every channel', (kind) => {
    const input = kind === 'action_needed_grouped' ? data : single;
    const email = renderMessage(kind, 'email', locale, input);
    const sms = renderMessage(kind, 'sms', locale, input);
    const ticket = renderMessage(kind, 'ticket', locale, input);
    for (const text of [email.subject!, email.html!, email.text, sms.text, ticket.text]) {
      expect(text).not.toMatch(/\{\{|\}\}|\{[a-zA-Z]+\}|undefined|\bnull\b|\[object Object\]/);
    }
    expect(email.html).toContain(`<html lang="${locale}">`);
    expect(email.html).toContain('Città Alta');
    expect(email.text).toContain('Pizzería Ñandú');
    if (!['reconnected', 'provider_issue'].includes(kind)) {
      expect(email.html).toContain(input.repairs[0]!.link);
      expect(sms.text).toContain(input.repairs[0]!.link);
    }
    expect(sms.text.length).toBeLessThanOrEqual(320);
    for (const line of ticket.text.split('\n')) expect(line.length).toBeLessThanOrEqual(TICKET_WIDTH);
  });
});

describe('the grouped e-mail', () => {
  it('lists every store under its provider', () => {
    const email = renderMessage('action_needed_grouped', 'email', 'es', data);
    expect(email.subject).toBe('Acción necesaria: 3 tiendas desconectadas');
    for (const store of ['São João', 'Gràcia', 'Città Alta']) expect(email.html).toContain(store);
    expect(email.html!.indexOf('Deliveroo')).toBeLessThan(email.html!.indexOf('Uber Eats'));
  });

  it('escapes HTML in merchant-provided names', () => {
    const email = renderMessage('action_needed', 'email', 'en', { ...single, orgName: '<script>x</script>' });
    expect(email.html).not.toContain('<script>x</script>');
  });
});
