// SMS through the real Twilio client: api.twilio.com in production, the local SMS sink (same API,
// same signed status callbacks) when TWILIO_API_BASE_URL is set.
import twilio from 'twilio';
import { redact, SmsSendError } from './channel-errors.js';
import { RedirectingRequestClient } from './twilio-request-client.js';

export { SmsSendError } from './channel-errors.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** Our sending number (E.164) or alphanumeric sender id. */
  from: string;
  /** Another origin for Twilio's API (the local sink); unset for real Twilio. */
  apiBaseUrl?: string;
  /** Where Twilio reports delivery: our signed status-callback route. */
  statusCallbackUrl?: string;
  /** Per request; 15 s unless told. */
  timeoutMs?: number;
}

export interface SmsMessage {
  /** E.164 number. */
  to: string;
  body: string;
}

export interface SmsReceipt {
  /** Twilio's message sid (SM…), the key of later status callbacks. */
  providerId: string;
  /** Twilio's status at acceptance, usually "queued". */
  status: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<SmsReceipt>;
}

interface TwilioFailure {
  status?: number;
  code?: number | string;
  message?: string;
}

/** What Twilio's answer (or the lack of one) says: its code and status, whether a retry may help, and a redacted message. */
export function twilioFailure(error: unknown, settings: TwilioSettings): { message: string; twilioCode?: number; status?: number; retryable: boolean } {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as TwilioFailure;
  const status = typeof failure.status === 'number' ? failure.status : undefined;
  const twilioCode = typeof failure.code === 'number' ? failure.code : undefined;
  const reason = redact(failure.message ?? String(error), [settings.authToken]);
  // Twilio answered 4xx: the request itself is wrong (bad number, unsubscribed), retrying will not help.
  const retryable = status === undefined || status >= 500 || status === 429;
  const prefix = twilioCode ? `Twilio error ${twilioCode}` : status ? `Twilio answered ${status}` : `Twilio unreachable${typeof failure.code === 'string' ? ` (${failure.code})` : ''}`;
  return { message: `${prefix}: ${reason}`, twilioCode, status, retryable };
}

function toSendError(error: unknown, settings: TwilioSettings): SmsSendError {
  const { message, twilioCode, status, retryable } = twilioFailure(error, settings);
  return new SmsSendError(message, twilioCode, status, retryable);
}

/** The real twilio client, sending to the local sink when `apiBaseUrl` is set. */
export function createTwilioClient(settings: TwilioSettings) {
  const timeout = settings.timeoutMs ?? 15_000;
  return twilio(settings.accountSid, settings.authToken, {
    httpClient: settings.apiBaseUrl ? new RedirectingRequestClient(settings.apiBaseUrl, { timeout }) : new twilio.RequestClient({ timeout }),
  });
}

export function createTwilioSmsSender(settings: TwilioSettings): SmsSender {
  const client = createTwilioClient(settings);
  return {
    async send(message) {
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: settings.from,
          body: message.body,
          ...(settings.statusCallbackUrl ? { statusCallback: settings.statusCallbackUrl } : {}),
        });
        return { providerId: sent.sid, status: sent.status };
      } catch (error) {
        throw toSendError(error, settings);
      }
    },
  };
}
