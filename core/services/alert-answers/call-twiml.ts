// What an emergency call says, in TwiML: the alert in the contact's language inside a one-digit
// <Gather> (its answer comes to our signed gather route), then a goodbye if nothing was pressed.
import twilio from 'twilio';
import { translate } from '../../i18n/index.js';

/** Twilio's <Say> voices by our locales (pt is European Portuguese). */
const VOICE_LANGUAGE: Record<string, 'en-GB' | 'es-ES' | 'fr-FR' | 'it-IT' | 'pt-PT'> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', it: 'it-IT', pt: 'pt-PT' };
export const voiceLanguage = (locale: string) => VOICE_LANGUAGE[locale.slice(0, 2)] ?? 'en-GB';

/** Where Twilio posts the pressed digit; `attempt` counts the times the alert was played. */
export const gatherUrl = (publicUrl: string, attempt: number) => `${publicUrl.replace(/\/$/, '')}/v1/webhooks/twilio/calls/gather?attempt=${attempt}`;

export interface CallText {
  locale: string;
  /** The alert as spoken (call.alert). */
  text: string;
  publicUrl: string;
}

export function alertCallTwiml({ locale, text, publicUrl }: CallText, attempt = 1): string {
  const response = new twilio.twiml.VoiceResponse();
  const language = voiceLanguage(locale);
  response.gather({ numDigits: 1, action: gatherUrl(publicUrl, attempt), method: 'POST', timeout: 8 }).say({ language }, text);
  // Nothing pressed: Twilio goes on past <Gather>.
  response.say({ language }, translate(locale, 'call.no_answer'));
  response.hangup();
  return response.toString();
}

/** A last sentence, then the call ends. */
export function sayAndHangUp(locale: string, key: 'call.acknowledged' | 'call.no_answer'): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say({ language: voiceLanguage(locale) }, translate(locale, key));
  response.hangup();
  return response.toString();
}
