// Whom a person without the reconnect permission can ask, and how: an e-mail already addressed,
// titled and linking to the repair, so asking takes one click instead of a message to compose.
import type { FastifyRequest } from 'fastify';
import { User, type RepairRow } from '../../core/db/entities/index.js';
import { PROVIDER_TEXTS, type Locale } from '../../core/providers/index.js';
import { formatList, translate } from '../../core/i18n/index.js';
import { hasPermission } from '../../core/services/registry/permissions.js';

export interface PersonWhoCan {
  name: string;
  email: string;
  askHref: string;
}

/** Users who may reconnect: whom to ask when you may not. */
export async function reconnectors(request: FastifyRequest, orgId: string): Promise<{ name: string; email: string }[]> {
  const users = await request.em.find(User, { org: orgId }, { orderBy: { createdAt: 'asc' }, limit: 200 });
  return users.filter((u) => hasPermission(u, 'integrations:reconnect')).slice(0, 5).map((u) => ({ name: u.name ?? u.email, email: u.email }));
}

/** The same people, each with a ready-to-send request about this repair. */
export async function peopleToAsk(request: FastifyRequest, repair: RepairRow, about: { provider: string; problem: string; locale: Locale }): Promise<PersonWhoCan[]> {
  const link = `${request.server.pageSettings.publicUrl}/repairs/${repair.id}`;
  const subject = translate(about.locale, 'page.people.mailSubject', { provider: about.provider });
  const body = translate(about.locale, 'page.people.mailBody', { provider: about.provider, problem: about.problem, link });
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return (await reconnectors(request, repair.org)).map((p) => ({ ...p, askHref: `mailto:${p.email}?${query}` }));
}

/** "Only people who manage integrations can …: Lola Martín and Ana Ruiz." for the list's top. */
export async function viewerNote(request: FastifyRequest, orgId: string, locale: Locale): Promise<string> {
  const names = (await reconnectors(request, orgId)).map((p) => p.name);
  return names.length > 0 ? translate(locale, 'page.repairs.viewerNote', { people: formatList(locale, names) }) : translate(locale, 'page.repairs.viewerNoteNobody');
}

/** Portal steps for someone who cannot confirm the fix: without the step that sends them to the
 * confirmation button they do not have (the page says whom to tell instead). */
export function readOnlySteps(steps: readonly string[], locale: Locale): string[] {
  const done = PROVIDER_TEXTS[locale].done;
  return steps.filter((step) => !step.includes(done) && !step.includes(PROVIDER_TEXTS.en.done));
}
