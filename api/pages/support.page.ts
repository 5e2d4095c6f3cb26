// The support page: the four ways to reach help, with their response times, in the merchant's language.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import Handlebars from 'handlebars';
import { LOCALES, pickLocale, type Locale } from '../../providers/index.js';

const TEMPLATES = new URL('../../templates/pages/', import.meta.url);
const texts = JSON.parse(readFileSync(new URL('support-texts.json', TEMPLATES), 'utf8')) as Record<Locale, Record<string, string>>;
const page = Handlebars.create().compile(readFileSync(new URL('support.html.hbs', TEMPLATES), 'utf8'), { strict: true });
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français', it: 'Italiano', pt: 'Português' };

export const COMMUNITY_URL = process.env.COMMUNITY_URL ?? 'https://community.repair.example';

export function renderSupportPage(locale: Locale): string {
  const t = texts[locale];
  const channel = (key: string, href: string, action: string) => ({ name: t[key], purpose: t[`${key}.purpose`], response: t[`${key}.response`], href, action: t[action] });
  return page({
    locale,
    t,
    languages: LOCALES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === locale })),
    channels: [
      channel('assistant', `/help?locale=${locale}`, 'ask'),
      channel('community', COMMUNITY_URL, 'join'),
      channel('ticket', `/v1/tickets?locale=${locale}`, 'open'),
      channel('docs', `/help?locale=${locale}`, 'browse'),
    ],
  });
}

export const supportPage: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { locale?: string } }>('/support', { schema: { hide: true } }, async (request, reply) => {
    const locale = pickLocale([request.query.locale, ...(request.headers['accept-language'] ?? '').split(',').map((l) => l.split(';')[0])]);
    return reply.type('text/html; charset=utf-8').header('content-language', locale).send(renderSupportPage(locale));
  });
};
