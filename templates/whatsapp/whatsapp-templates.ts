// WhatsApp messages a business starts must use templates Meta approved beforehand: fixed text with
// numbered variables. Our copy of each kind × language is the `whatsapp.<kind>` message of
// core/i18n/translations (plain arguments only, no plurals: an approved text cannot change with a
// count); the template registered with Twilio is that message with its arguments numbered, so the
// registered text and what we render here can never drift apart.
import { translate, type Locale } from '../../core/i18n/index.js';
import { TEMPLATE_KINDS, type RenderedAlert, type TemplateKind } from '../alert-data.js';
import { shorten, type AlertView } from '../alert-view.js';
import { normalizeName, stripUnsafe } from '../text-hygiene.js';

/** Each kind's variables, in `{{1}}`, `{{2}}`, … order (the same in every language). */
export const WHATSAPP_VARIABLES: Readonly<Record<TemplateKind, readonly WhatsAppVariable[]>> = {
  action_needed: ['orgName', 'location', 'provider', 'link'],
  action_needed_grouped: ['orgName', 'storeCount', 'provider', 'link'],
  reminder: ['orgName', 'provider', 'link'],
  escalated_emergency: ['orgName', 'provider', 'link'],
  escalated_support: ['orgName', 'provider', 'link'],
  support_requested: ['orgName', 'provider', 'link'],
  reconnected: ['orgName', 'provider'],
  provider_issue: ['orgName', 'provider'],
  acknowledged: ['orgName', 'by', 'provider', 'link'],
};
export type WhatsAppVariable = 'orgName' | 'location' | 'provider' | 'storeCount' | 'link' | 'by';

/** Names are cut so that no variable dominates the approved text (Meta rejects sends that do). */
const NAME_MAX = 60;

export interface WhatsAppContentTemplate {
  /** Twilio's friendly name, unique per kind and language: `repair_action_needed_es`. */
  friendlyName: string;
  language: Locale;
  /** Alerts about the merchant's own account are transactional: Meta's UTILITY category. */
  category: 'UTILITY';
  /** The text with `{{1}}`-style variables, as registered. */
  body: string;
  /** What each `{{n}}` stands for, and a sample value Meta's reviewers see. */
  variables: Record<string, { name: WhatsAppVariable; sample: string }>;
}

const SAMPLES: Record<WhatsAppVariable, string> = {
  orgName: 'Casa Lola Group',
  location: 'Chamberí · Casa Lola',
  provider: 'Uber Eats',
  storeCount: '4',
  link: 'https://repair.example.com/r/7k2m9q4x8r3t',
  by: 'Lola Martín',
};

const numbered = (kind: TemplateKind) => Object.fromEntries(WHATSAPP_VARIABLES[kind].map((name, i) => [name, `{{${i + 1}}}`]));

/** The template to register for `kind` in `locale` (see docs/whatsapp.md). */
export function whatsappContentTemplate(kind: TemplateKind, locale: Locale): WhatsAppContentTemplate {
  return {
    friendlyName: `repair_${kind}_${locale}`,
    language: locale,
    category: 'UTILITY',
    body: translate(locale, `whatsapp.${kind}`, numbered(kind)),
    variables: Object.fromEntries(WHATSAPP_VARIABLES[kind].map((name, i) => [String(i + 1), { name, sample: SAMPLES[name] }])),
  };
}

/** Every template to register: each kind in each language. */
export function allWhatsAppContentTemplates(locales: readonly Locale[]): WhatsAppContentTemplate[] {
  return TEMPLATE_KINDS.flatMap((kind) => locales.map((locale) => whatsappContentTemplate(kind, locale)));
}

/** A variable's value: one line (Meta refuses line breaks, tabs and runs of spaces in variables), nothing invisible. */
const oneLine = (value: string) => normalizeName(stripUnsafe(value, { keepLines: false })) || '-';

function values(view: AlertView): Record<WhatsAppVariable, string> {
  return {
    orgName: shorten(view.orgName, NAME_MAX),
    location: shorten(view.kindValues.location, NAME_MAX),
    provider: view.provider,
    storeCount: String(view.storeCount),
    link: view.shortLink,
    by: shorten(view.kindValues.by, NAME_MAX),
  };
}

/** The message for one reader: the variables Twilio fills in, and the same text as the reader will see it. */
export function renderWhatsApp(view: AlertView): RenderedAlert {
  const all = values(view);
  const names = WHATSAPP_VARIABLES[view.kind];
  const used = Object.fromEntries(names.map((name) => [name, oneLine(all[name])]));
  return {
    text: translate(view.locale, `whatsapp.${view.kind}`, used),
    whatsapp: { kind: view.kind, locale: view.locale, variables: Object.fromEntries(names.map((name, i) => [String(i + 1), used[name]!])) },
  };
}

/** Fills a registered body's `{{n}}` with the message's variables (what Twilio does; the SMS sink does it too). */
export function fillTemplate(body: string, variables: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => {
    const value = variables[n];
    if (value === undefined) missing.push(n);
    return value ?? '';
  });
  return { text, missing };
}
