// A ticket's subject is a sentence in the organization's language, with the provider's name: never
// the codes the repair stores ("uber_eats: invalid_credentials", "Escalated repair: glovo …").
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { auth } from '../helpers/api.js';
import { eventually, report, setUpMerchant } from '../helpers/repair-stack.js';
import { ruleFor } from '../../core/providers/index.js';
import { escalationSubject, helpSubject } from '../../core/services/tickets/ticket-subjects.js';

const HOUR = 3600_000;
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;

describe('ticket subjects', () => {
  it.each([
    ['en', 'uber_eats', 'invalid_credentials', 'Uber Eats: the sign-in details are no longer accepted'],
    ['es', 'uber_eats', 'invalid_credentials', 'Uber Eats: los datos de acceso ya no se aceptan'],
    ['pt', 'glovo', 'invalid_store_config', 'Glovo: a loja precisa de um ajuste no portal de parceiros'],
    ['fr', 'deliveroo', 'unknown', 'Deliveroo\u00a0: la connexion ne fonctionne plus'],
    ['it', 'glovo', null, 'Glovo: la connessione ha smesso di funzionare'],
  ])('asking for help in %s names %s and the problem', (locale, provider, errorType, expected) => {
    expect(helpSubject(locale, { provider, errorType })).toBe(expected);
  });

  it.each([
    ['es', 50, 'Reparación escalada: Uber Eats lleva 2 días desconectado'],
    ['en', 50, 'Repair handed to support: Uber Eats has been disconnected for 2 days'],
    ['pt', 5, 'Reparação entregue ao suporte: Uber Eats está desligado há 5 horas'],
    ['fr', 1, 'Réparation confiée au support\u00a0: Uber Eats est déconnecté depuis 1 heure'],
    ['it', 24, 'Riparazione passata all’assistenza: Uber Eats è disconnesso da 24 ore'],
  ])('an escalation in %s after %i hours says how long the provider has been down', (locale, hours, expected) => {
    const now = new Date('2026-11-23T09:30:00Z');
    expect(escalationSubject(locale, { provider: 'uber_eats', openedAt: new Date(now.getTime() - hours * HOUR) }, now)).toBe(expected);
  });
});

describe('tickets opened by the service', () => {
  const { env, stack } = useTimeSkippingStack();

  const storeInactive = ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code;
  const subjectsOf = async (connectionId: string) =>
    (await stack().db.orm.em.fork().getConnection().execute<{ subject: string }[]>('select subject from support_tickets where connection_id = ? order by created_at', [connectionId])).map((t) => t.subject);

  it.each([
    ['es', 'Glovo: la tienda necesita un ajuste en el portal de socios'],
    ['pt', 'Glovo: a loja precisa de um ajuste no portal de parceiros'],
  ])('"ask for help" in %s opens a ticket whose subject reads as a sentence', async (locale, expected) => {
    const m = await setUpMerchant(stack(), { provider: 'glovo', locale });
    const opened = await report(stack(), m.connectionId, storeInactive);
    const asked = await stack().app.inject({ method: 'POST', url: `/v1/repairs/${opened.repairId}/support`, headers: auth(), payload: { actingUserId: m.viewer, message: 'Help!' } });
    expect(asked.statusCode).toBe(201);
    const [subject] = await subjectsOf(m.connectionId);
    expect(subject).toBe(expected);
    expect(subject).not.toMatch(RAW_CODE);
  });

  it.each([
    // The activity measures the outage on the wall clock, which the time-skipping server does not move.
    ['en', /^Repair handed to support: Glovo has been disconnected for \d+ hours?$/],
    ['es', /^Reparación escalada: Glovo lleva \d+ horas? desconectado$/],
  ])('an escalation in %s opens a ticket whose subject reads as a sentence', async (locale, expected) => {
    const m = await setUpMerchant(stack(), { provider: 'glovo', locale });
    await report(stack(), m.connectionId, storeInactive);
    await env().sleep(73 * HOUR);
    const [subject] = await eventually(() => subjectsOf(m.connectionId), (s) => s.length === 1);
    expect(subject).toMatch(expected);
    expect(subject).not.toMatch(RAW_CODE);
  });
});
