// Voice calls through the real Twilio client (calls.create with inline TwiML): api.twilio.com in
// production, the local SMS sink (which records calls too) when TWILIO_API_BASE_URL is set.
import twilio from 'twilio';
import { CallSendError, redact } from './channel-errors.js';
import type { TwilioSettings } from './sms-sender.js';
import { RedirectingRequestClient } from './twilio-request-client.js';

export interface VoiceCall {
  /** E.164 number. */
  to: string;
  /** The TwiML the call plays (<Say>, <Gather>). */
  twiml: string;
}

export interface CallReceipt {
  /** Twilio's call sid (CA…), the key of later status and gather callbacks. */
  providerId: string;
  status: string;
}

export interface CallSender {
  call(call: VoiceCall): Promise<CallReceipt>;
}

/** Twilio reports a call's progress here (signed): completed, busy, no-answer, failed, canceled. */
export const callStatusUrl = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/v1/webhooks/twilio/calls/status`;

export function createTwilioCallSender(settings: TwilioSettings & { publicUrl: string }): CallSender {
  const timeout = settings.timeoutMs ?? 15_000;
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: settings.apiBaseUrl ? new RedirectingRequestClient(settings.apiBaseUrl, { timeout }) : new twilio.RequestClient({ timeout }),
  });
  return {
    async call({ to, twiml }) {
      try {
        const placed = await client.calls.create({ to, from: settings.from, twiml, statusCallback: callStatusUrl(settings.publicUrl), statusCallbackMethod: 'POST' });
        return { providerId: placed.sid, status: placed.status };
      } catch (error) {
        const failure = (typeof error === 'object' && error !== null ? error : {}) as { status?: number; code?: number; message?: string };
        const status = typeof failure.status === 'number' ? failure.status : undefined;
        const retryable = status === undefined || status >= 500 || status === 429;
        throw new CallSendError(`Twilio call: ${redact(failure.message ?? String(error), [settings.authToken])}`, typeof failure.code === 'number' ? failure.code : undefined, status, retryable);
      }
    },
  };
}
