import { describe, expect, it } from 'vitest';
import { askAssistant, answerEngineFrom } from '../../api/help/help-assistant.js';
import { detectLanguage } from '../../api/help/language-detector.js';
import { mentionedProvider, withoutProviderNames } from '../../api/help/provider-mention.js';
import { ANSWER_THRESHOLD } from '../../api/help/offline-answer-engine.js';
import { ticketPolicyOf, useTicketPolicy } from '../../api/help/ticket-policy-text.js';
import { TICKET_DEFAULTS } from '../../core/config/config.js';

describe('language detection', () => {
  it.each([
    ['my orders stopped after I changed the password', 'en'],
    ['no me llega el código', 'es'],
    ["le code de vérification n'arrive pas", 'fr'],
    ['il codice non arriva', 'it'],
    ['o código não chega', 'pt'],
    // Short questions, and provider names that read as English.
    ['compte bloqué', 'fr'],
    ['non ricevo più ordini', 'it'],
    ['uber eats ne marche plus', 'fr'],
    ['just eat non funziona', 'it'],
    ['uber eats me pide un código', 'es'],
  ] as const)('%s → %s', (text, locale) => {
    expect(detectLanguage(text)).toBe(locale);
  });

  it('falls back to English when nothing gives the language away', () => {
    expect(detectLanguage('12345')).toBe('en');
    expect(detectLanguage('Deliveroo', 'pt')).toBe('pt');
  });

  it('leaves provider names out of the words it reads', () => {
    expect(withoutProviderNames('mi Uber Eats no funciona')).toBe('mi no funciona');
    expect(withoutProviderNames('la Glovo dice')).toBe('la dice');
    expect(withoutProviderNames('just eat est en panne')).toBe('est en panne');
  });

  it('finds the provider a question names, typos included', () => {
    expect(mentionedProvider('my Uber Eats tablet')).toBe('uber_eats');
    expect(mentionedProvider('delivero says inactive')).toBe('deliveroo');
    expect(mentionedProvider('door dash')).toBe('doordash');
    expect(mentionedProvider('the code does not arrive')).toBeUndefined();
  });
});

describe('askAssistant', () => {
  it('answers with the best article, its steps and a localized message', async () => {
    const answer = await askAssistant({ question: 'Deliveroo dice que mi restaurante está inactivo' });
    expect(answer).toMatchObject({ answered: true, locale: 'es', article: { slug: 'deliveroo-store-inactive', url: '/help/articles/deliveroo-store-inactive?locale=es' } });
    expect(answer.steps.length).toBeGreaterThan(2);
    expect(answer.message).toContain('artículo');
    expect(answer.confidence).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it("answers the merchant's own words from the issue, in their language", async () => {
    const code = await askAssistant({ question: 'Uber Eats keeps asking me for a code sent to my phone, where do I put it?' });
    expect(code).toMatchObject({ answered: true, locale: 'en', article: { slug: 'uber-eats-two-factor' } });
    const fr = await askAssistant({ question: "Je n'ai pas reçu le code de vérification" });
    expect(fr).toMatchObject({ answered: true, locale: 'fr', article: { slug: 'reconnect-with-verification-code' } });
  });

  it('a named provider gets its own article rather than the general one for the same problem', async () => {
    const answer = await askAssistant({ question: 'skipthedishes no funciona hoy, la web no carga' });
    expect(answer.article?.slug).toBe('skipthedishes-provider-unavailable');
    const general = await askAssistant({ question: 'la aplicacion de delivery no va para nadie' });
    expect(general.article?.slug).toBe('provider-outage');
  });

  it.each([
    'who won the football match yesterday',
    'receta de tortilla de patatas',
    'je cherche un plombier pour la cuisine',
    'chi ha vinto la partita ieri sera',
    'como faço bolo de chocolate',
  ])('stays with "I don\'t know" for a question about something else: %s', async (question) => {
    expect((await askAssistant({ question })).answered).toBe(false);
  });

  it('uses the given locale over detection', async () => {
    const answer = await askAssistant({ question: 'verification code', locale: 'it' });
    expect(answer.locale).toBe('it');
  });

  it('says plainly when it does not know, and offers a ticket', async () => {
    for (const question of ['what is the weather in Paris tomorrow', 'quelle est la recette de la quiche lorraine']) {
      const answer = await askAssistant({ question });
      expect(answer.answered, question).toBe(false);
      expect(answer.offerTicket).toBe(true);
      expect(answer.article).toBeUndefined();
      expect(answer.steps).toEqual([]);
    }
    expect((await askAssistant({ question: 'quelle est la recette de la quiche lorraine' })).message).toContain('ticket');
  });

  it('quotes the configured first-response time, never a number of its own', async () => {
    useTicketPolicy({ firstResponseHours: 36, autoCloseHours: 72 });
    try {
      const message = (await askAssistant({ question: 'quelle est la recette de la quiche lorraine' })).message;
      expect(message).toContain('sous 36 heures ouvrées');
      expect(message).not.toMatch(/48/);
    } finally {
      useTicketPolicy(ticketPolicyOf(TICKET_DEFAULTS));
    }
  });

  it("boosts the repair's own article", async () => {
    const repair = { provider: 'doordash', errorType: 'invalid_store_config', cause: 'hours_misconfigured' };
    const vague = await askAssistant({ question: 'what do I do now?', repair });
    expect(vague.article?.slug).toBe('doordash-hours-misconfigured');
    const specific = await askAssistant({ question: 'the store is closed because of the opening hours', repair });
    expect(specific.article?.slug).toBe('doordash-hours-misconfigured');
    const other = await askAssistant({ question: 'when is your support team available?', repair });
    expect(other.article?.slug).toBe('support-hours');
  });

  it('only has an offline engine, whatever the environment asks for', () => {
    expect(answerEngineFrom({}).name).toBe('offline');
    expect(answerEngineFrom({ HELP_ASSISTANT_ENGINE: 'llm' }).name).toBe('offline');
  });
});
