// The Handlebars environment: strict templates, checked helper values, the ticket's line wrapping.
import { describe, expect, it } from 'vitest';
import { template } from '../../templates/template-engine.js';
import { TICKET_WIDTH, wrapTicketLines } from '../../templates/ticket-lines.js';

const root = { locale: 'en', timezone: 'UTC', kind: 'reminder', kindValues: {} };

describe('templates', () => {
  it('throw on a missing variable', () => {
    expect(() => template('ticket/preview.html.hbs')({ ...root, text: 'x', link: null, width: 44 })).toThrow(/"subject" not defined/);
  });

  it('throw when a helper is given a missing value', () => {
    expect(() => template('sms/reminder.hbs')({ ...root, orgName: 'Org', provider: null, providerCount: 1, link: 'https://x' })).toThrow(/value "provider" is null/);
  });

  it('render when everything is there', () => {
    expect(template('sms/reminder.hbs')({ ...root, orgName: 'Org', provider: 'Glovo', providerCount: 1, link: 'https://x' })).toBe('Reminder for Org: Glovo is still disconnected. Repair now: https://x\n');
  });
});

describe('wrapTicketLines', () => {
  it('keeps short lines as they are', () => {
    expect(wrapTicketLines('ALERT\n- São João · Pão Quente')).toBe('ALERT\n- São João · Pão Quente');
  });

  it('wraps at spaces and aligns the rest of a numbered step under its text', () => {
    const wrapped = wrapTicketLines('12. Inicia sesión en Deliveroo Partner Hub con una cuenta de administrador del restaurante.');
    expect(wrapped.split('\n')).toEqual(['12. Inicia sesión en Deliveroo Partner Hub', '    con una cuenta de administrador del', '    restaurante.']);
  });

  it('cuts a word longer than the paper, such as a link', () => {
    const link = `https://repair.example.com/r/${'a'.repeat(80)}`;
    const lines = wrapTicketLines(link).split('\n');
    expect(lines.every((l) => l.length <= TICKET_WIDTH)).toBe(true);
    expect(lines.join('')).toBe(link);
  });
});
