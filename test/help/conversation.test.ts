// Follow-ups read with the previous question's topic ("and on Deliveroo?" = the same question about
// Deliveroo), in every language; a question with words of its own stands alone.
import { describe, expect, it } from 'vitest';
import { inContext } from '../../api/help/conversation.js';
import { mentionedProvider } from '../../api/help/provider-mention.js';

const previous = (asked: string, locale = 'en') => ({ asked, locale });

describe('inContext', () => {
  it.each([
    ['and on Deliveroo?', 'My Uber Eats account asks for a verification code', 'en'],
    ['¿y en Glovo?', 'Uber Eats me pide un código de verificación', 'es'],
    ['et sur Just Eat ?', 'Uber Eats me demande un code de vérification', 'fr'],
    ['e su Deliveroo?', 'Uber Eats mi chiede un codice di verifica', 'it'],
    ['e na Glovo?', 'A Uber Eats pede um código de verificação', 'pt'],
  ])('"%s" asks the previous question about the new provider', (question, asked, locale) => {
    const read = inContext(question, previous(asked, locale));
    expect(read.followUp).toBe(true);
    expect(mentionedProvider(read.asked)).toBe(mentionedProvider(question));
    // The topic stays: every word of the previous question but the provider's name.
    expect(read.asked).toContain(asked.replace(/(A )?Uber Eats /, ''));
    expect(read.asked).not.toMatch(/uber/i);
  });

  it('adds the few new words of a follow-up that opens with "and" to the previous topic', () => {
    expect(inContext('and the SMS?', previous('Uber Eats asks for a verification code'))).toEqual({ asked: 'Uber Eats asks for a verification code sms', followUp: true });
  });

  it('leaves a question with words of its own, or the first one, as it is', () => {
    expect(inContext('How do I change my alert contacts on Deliveroo?', previous('Uber Eats asks for a code'))).toEqual({ asked: 'How do I change my alert contacts on Deliveroo?', followUp: false });
    expect(inContext('and on Deliveroo?', undefined)).toEqual({ asked: 'and on Deliveroo?', followUp: false });
    expect(inContext('what?', previous('Uber Eats asks for a code'))).toEqual({ asked: 'what?', followUp: false });
  });
});
