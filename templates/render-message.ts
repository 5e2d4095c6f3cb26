// Every alert message comes from a Handlebars template in templates/, in the recipient's language.
// Templates compile in strict mode: a missing variable fails instead of printing nothing.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatDate, pickLocale, translate } from '../i18n/index.js';
import type { AlertData, Channel, RenderedMessage, TemplateKind } from '../activities/alerts/alert-channels.js';

const TEMPLATES_DIR = new URL('./', import.meta.url);
export const TICKET_WIDTH = 42;

const hbs = Handlebars.create();
hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
  return translate(options.data.root.locale as string, key, options.hash as Record<string, string | number>);
});
/** A message of the template's kind: `{{tk "subject"}}` reads `kind.<kind>.subject`. */
hbs.registerHelper('tk', function (this: unknown, part: string, options: Handlebars.HelperOptions) {
  const root = options.data.root as { locale: string; kind: string; provider: string; count: number; orgName: string };
  return translate(root.locale, `kind.${root.kind}.${part}`, { provider: root.provider, count: root.count, orgName: root.orgName });
});
hbs.registerHelper('inc', (n: number) => n + 1);

const compiled = new Map<string, Handlebars.TemplateDelegate>();
function template(path: string): Handlebars.TemplateDelegate {
  let t = compiled.get(path);
  if (!t) {
    t = hbs.compile(readFileSync(new URL(path, TEMPLATES_DIR), 'utf8'), { strict: true, noEscape: path.endsWith('.txt.hbs') || !path.endsWith('.html.hbs') });
    compiled.set(path, t);
  }
  return t;
}

const SMS_KEYS: Record<TemplateKind, string> = {
  action_needed: 'sms.action',
  action_needed_grouped: 'sms.grouped',
  reminder: 'sms.reminder',
  escalated_emergency: 'sms.escalated',
  escalated_support: 'sms.escalated',
  support_requested: 'sms.escalated',
  reconnected: 'sms.reconnected',
  provider_issue: 'sms.provider_issue',
};

/** Wraps text to the printer's width, never cutting a word shorter than the line. */
export function wrapLines(text: string, width = TICKET_WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && (current + ' ' + word).length > width) {
          out.push(current);
          current = '';
        }
        current = current ? `${current} ${word}` : word;
        while (current.length > width) {
          out.push(current.slice(0, width));
          current = current.slice(width);
        }
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

function context(kind: TemplateKind, locale: string, data: AlertData) {
  const stores = data.repairs.flatMap((r) => r.stores);
  const providers = [...new Set(data.repairs.map((r) => r.provider))];
  const byProvider = providers.map((provider) => ({ provider, repairs: data.repairs.filter((r) => r.provider === provider) }));
  return {
    ...data,
    kind,
    locale,
    provider: providers.join(', '),
    count: stores.length,
    link: data.repairs[0]?.link ?? '',
    byProvider,
    actionable: kind !== 'reconnected' && kind !== 'provider_issue',
    sentAt: formatDate(locale, data.generatedAt, data.timezone),
    smsKey: SMS_KEYS[kind],
  };
}

export function renderMessage(kind: TemplateKind, channel: Channel, requestedLocale: string, data: AlertData): RenderedMessage {
  const locale = pickLocale([requestedLocale]);
  const ctx = context(kind, locale, data);
  const subject = translate(locale, `kind.${kind}.subject`, { provider: ctx.provider, count: ctx.count, orgName: data.orgName });
  if (channel === 'sms') return { text: template('sms/alert.hbs')(ctx).trim() };
  if (channel === 'ticket') return { subject, text: wrapLines(template('ticket/alert.hbs')(ctx).trim()) };
  const layout = kind === 'action_needed_grouped' ? 'grouped' : 'single';
  return { subject, html: template(`email/${layout}.html.hbs`)(ctx), text: template(`email/${layout}.txt.hbs`)(ctx).replace(/\n{3,}/g, '\n\n').trim() };
}
