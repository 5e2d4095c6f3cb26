// The WhatsApp templates as Meta reviews them and as we fill them: every kind in every language
// has a registrable body (no variable at either end, none side by side, numbered 1…n, within
// WhatsApp's 1,024 characters), and what renderAlert says a reader sees is exactly that body filled
// with the variables Twilio is sent.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/i18n/index.js';
import { TEMPLATE_KINDS } from '../../templates/alert-data.js';
import { renderAlert } from '../../templates/render-alert.js';
import { developmentContentSids, developmentTemplateOf, parseContentSids } from '../../templates/whatsapp/content-sids.js';
import { allWhatsAppContentTemplates, fillTemplate, whatsappContentTemplate } from '../../templates/whatsapp/whatsapp-templates.js';
import { oneStore, severalStores } from './alert-fixtures.js';

const cases = TEMPLATE_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const));

describe('WhatsApp content templates', () => {
  it.each(cases)('%s in %s can be registered as Meta asks', (kind, locale) => {
    const { body, variables, friendlyName, category } = whatsappContentTemplate(kind, locale);
    expect(friendlyName).toBe(`repair_${kind}_${locale}`);
    expect(category).toBe('UTILITY');
    const numbers = [...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1]);
    expect([...new Set(numbers)].sort(), body).toEqual(Object.keys(variables).sort());
    expect(Object.keys(variables)).toEqual(Object.keys(variables).map((_, i) => String(i + 1)));
    expect(body, 'starts with a variable').not.toMatch(/^\s*\{\{/);
    expect(body, 'ends with a variable').not.toMatch(/\}\}[\s.]*$/);
    expect(body, 'two variables side by side').not.toMatch(/\}\}\s*\{\{/);
    expect(body.replace(/\{\{\d+\}\}/g, ''), 'ICU or Handlebars left over').not.toMatch(/[{}]/);
    expect(body.length).toBeLessThanOrEqual(1024);
  });

  it.each(cases)('%s in %s renders as its template filled with the variables sent', (kind, locale) => {
    const rendered = renderAlert(kind, 'whatsapp', locale, kind === 'action_needed' ? oneStore : severalStores);
    const whatsapp = rendered.whatsapp!;
    expect(whatsapp).toMatchObject({ kind, locale });
    expect(fillTemplate(whatsappContentTemplate(kind, locale).body, whatsapp.variables)).toEqual({ text: rendered.text, missing: [] });
    for (const value of Object.values(whatsapp.variables)) expect(value).not.toMatch(/[\n\t]| {4}/);
    expect(rendered.text).not.toMatch(/\bundefined\b|\bnull\b|[{}]/);
  });

  it('uses the short link and cuts long names', () => {
    const data = { ...oneStore, orgName: 'A'.repeat(80), repairs: [{ ...oneStore.repairs[0]!, shortLink: 'https://repair.example.com/r/7k2m9q4x8r3t' }] };
    const { whatsapp } = renderAlert('action_needed', 'whatsapp', 'en', data);
    expect(whatsapp!.variables['4']).toBe('https://repair.example.com/r/7k2m9q4x8r3t');
    expect(Array.from(whatsapp!.variables['1']!)).toHaveLength(60);
  });

  it('has one development SID per template, which maps back to it', () => {
    const sids = developmentContentSids();
    expect(Object.keys(sids)).toHaveLength(allWhatsAppContentTemplates(LOCALES).length);
    expect(new Set(Object.values(sids)).size).toBe(Object.keys(sids).length);
    expect(developmentTemplateOf(sids['reminder.it']!)).toEqual({ kind: 'reminder', locale: 'it' });
    expect(developmentTemplateOf('HX00000000000000000000000000000000')).toBeNull();
  });

  it('reads a production SID file only when every template has a well-formed SID', () => {
    const byKind: Record<string, Record<string, string>> = Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, Object.fromEntries(LOCALES.map((l) => [l, developmentContentSids()[`${kind}.${l}`]!]))]));
    expect(parseContentSids(byKind).problems).toEqual([]);
    const broken: Record<string, Record<string, string>> = { ...byKind, reminder: { ...byKind.reminder, pt: 'SM123' }, unknown_kind: {} };
    broken.reconnected = { ...byKind.reconnected };
    delete broken.reconnected.fr;
    expect(parseContentSids(broken).problems).toEqual(['unknown kind "unknown_kind"', 'reminder.pt: not a Content SID (HX and 32 hex digits)', 'reconnected.fr: missing']);
  });
});
