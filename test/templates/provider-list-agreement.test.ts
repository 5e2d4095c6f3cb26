// An alert about several providers names them as a list ("Deliveroo y Uber Eats"): the verb and
// the participle that follow agree with the list, in every language.
import { describe, expect, it } from 'vitest';
import { renderAlert } from '../../templates/render-alert.js';
import { base, reconnectRepair, portalRepair } from './alert-fixtures.js';

const two = { ...base, repairs: [portalRepair, reconnectRepair] };
const one = { ...base, repairs: [reconnectRepair] };

describe('provider lists', () => {
  it.each([
    ['en', 'Reminder: Deliveroo and Uber Eats are still disconnected', 'Reminder: Uber Eats is still disconnected'],
    ['es', 'Recordatorio: Deliveroo y Uber Eats siguen desconectados', 'Recordatorio: Uber Eats sigue desconectado'],
    ['fr', 'Rappel\u00a0: Deliveroo et Uber Eats sont toujours déconnectés', 'Rappel\u00a0: Uber Eats est toujours déconnecté'],
    ['it', 'Promemoria: Deliveroo e Uber Eats sono ancora scollegati', 'Promemoria: Uber Eats è ancora scollegato'],
    ['pt', 'Lembrete: Deliveroo e Uber Eats continuam desligados', 'Lembrete: Uber Eats continua desligado'],
  ])('%s reminder subject agrees with one provider and with two', (locale, many, single) => {
    expect(renderAlert('reminder', 'email', locale, two).subject).toBe(many);
    expect(renderAlert('reminder', 'email', locale, one).subject).toBe(single);
  });

  it('every kind that names providers as its subject uses a plural verb for two', () => {
    const sms = renderAlert('reconnected', 'sms', 'es', two).text;
    expect(sms).toContain('Deliveroo y Uber Eats vuelven a estar conectados');
    expect(renderAlert('provider_issue', 'email', 'it', two).subject).toBe('Deliveroo e Uber Eats hanno problemi dal loro lato');
  });

  it.each([
    ['en', '[Urgent] Deliveroo and Uber Eats integrations down for', 'The Deliveroo and Uber Eats connections of', 'the Deliveroo and Uber Eats integrations have been down'],
    ['es', '[Urgente] Integraciones con Deliveroo y Uber Eats caídas en', 'Las conexiones de Deliveroo y Uber Eats de', 'Deliveroo y Uber Eats llevan demasiado tiempo desconectados'],
    ['fr', '[Urgent] Intégrations Deliveroo et Uber Eats coupées chez', 'Les connexions Deliveroo et Uber Eats de', 'les intégrations Deliveroo et Uber Eats sont coupées'],
    ['it', '[Urgente] Integrazioni Deliveroo e Uber Eats ferme per', 'Le connessioni Deliveroo e Uber Eats di', 'le integrazioni Deliveroo e Uber Eats sono ferme'],
    ['pt', '[Urgente] Integrações com Deliveroo e Uber Eats em baixo em', 'As ligações Deliveroo e Uber Eats de', 'Deliveroo e Uber Eats estão em baixo'],
  ])('%s escalation to the emergency contact agrees with a list of providers', (locale, subject, intro, sms) => {
    const email = renderAlert('escalated_emergency', 'email', locale, two);
    expect(email.subject).toContain(subject);
    expect(email.text).toContain(intro);
    expect(renderAlert('escalated_emergency', 'sms', locale, two).text).toContain(sms);
    // One provider keeps the singular.
    expect(renderAlert('escalated_emergency', 'sms', locale, one).text).not.toContain(sms);
  });
});
