// Which Twilio Content SID (HX…) each WhatsApp template has: Twilio assigns one per registered
// template, so production reads them from a file (TWILIO_WHATSAPP_CONTENT_SIDS); development and
// tests use SIDs derived from the kind and language, which the local SMS sink maps back to our copy.
import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from '../../core/i18n/index.js';
import { TEMPLATE_KINDS, type TemplateKind } from '../alert-data.js';

/** `action_needed.es` → `HX…`. */
export type ContentSids = Readonly<Record<string, string>>;

export const contentSidKey = (kind: TemplateKind, locale: string) => `${kind}.${locale}`;
const CONTENT_SID = /^HX[0-9a-f]{32}$/;

/** A stable, recognisable SID per template for development: `HX` + 32 hex digits of a hash. */
export const developmentContentSid = (kind: TemplateKind, locale: Locale) => `HX${createHash('sha256').update(`repair-dev-whatsapp:${kind}:${locale}`).digest('hex').slice(0, 32)}`;

export function developmentContentSids(): ContentSids {
  return Object.fromEntries(TEMPLATE_KINDS.flatMap((kind) => LOCALES.map((locale) => [contentSidKey(kind, locale), developmentContentSid(kind, locale)])));
}

/** The development template a SID stands for (what the SMS sink renders), or null. */
export function developmentTemplateOf(sid: string): { kind: TemplateKind; locale: Locale } | null {
  for (const kind of TEMPLATE_KINDS) for (const locale of LOCALES) if (developmentContentSid(kind, locale) === sid) return { kind, locale };
  return null;
}

/**
 * Reads `{ "action_needed": { "en": "HX…", "es": "HX…" }, … }`; every kind in every language must
 * have a well-formed SID. Answers the SIDs, or the problems (each naming the kind and language).
 */
export function parseContentSids(json: unknown): { sids: ContentSids; problems: string[] } {
  const problems: string[] = [];
  const sids: Record<string, string> = {};
  const byKind = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  for (const kind of Object.keys(byKind)) if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) problems.push(`unknown kind "${kind}"`);
  for (const kind of TEMPLATE_KINDS) {
    const byLocale = (byKind[kind] ?? {}) as Record<string, unknown>;
    for (const locale of LOCALES) {
      const sid = byLocale[locale];
      if (typeof sid === 'string' && CONTENT_SID.test(sid)) sids[contentSidKey(kind, locale)] = sid;
      else problems.push(`${kind}.${locale}: ${sid === undefined ? 'missing' : 'not a Content SID (HX and 32 hex digits)'}`);
    }
  }
  return { sids, problems };
}

/** The file's shape (`{ "action_needed": { "en": "HX…" } }`) from the flat map: what a deployment writes. */
export function contentSidsFile(sids: ContentSids): Record<string, Record<string, string>> {
  const byKind: Record<string, Record<string, string>> = {};
  for (const [key, sid] of Object.entries(sids)) {
    const [kind, locale] = key.split('.') as [string, string];
    (byKind[kind] ??= {})[locale] = sid;
  }
  return byKind;
}
