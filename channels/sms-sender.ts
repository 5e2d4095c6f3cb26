// SMS through the real Twilio client. Twilio has no base-URL option, so in development and tests a
// RequestClient subclass points it at the local SMS sink; production uses api.twilio.com itself.
import twilio from 'twilio';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  /** The local sink's URL; unset for real Twilio. */
  apiBaseUrl?: string;
  /** Where Twilio reports delivery (our signed status-callback route). */
  statusCallbackUrl?: string;
}

export class SmsSendError extends Error {
  constructor(
    readonly twilioCode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super();
  }
  override request<T>(opts: Parameters<twilio.RequestClient['request']>[0]) {
    const redirected = { ...opts, uri: opts.uri.replace('https://api.twilio.com', this.baseUrl.replace(/\/$/, '')) };
    return super.request<T>(redirected as Parameters<twilio.RequestClient['request']>[0] & { data?: T });
  }
}

export function createTwilioSmsSender(settings: TwilioSettings) {
  const client = twilio(settings.accountSid, settings.authToken, settings.apiBaseUrl ? { httpClient: new RedirectingRequestClient(settings.apiBaseUrl) } : {});
  return {
    async send(message: { to: string; body: string }): Promise<{ providerId: string; status: string }> {
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: settings.from,
          body: message.body,
          ...(settings.statusCallbackUrl ? { statusCallback: settings.statusCallbackUrl } : {}),
        });
        return { providerId: sent.sid, status: sent.status };
      } catch (error) {
        // Twilio's errors carry a code (21211: invalid number); never the auth token.
        const e = error as { code?: number; message?: string };
        throw new SmsSendError(e.code, `SMS to ${message.to} refused${e.code ? ` (Twilio ${e.code})` : ''}: ${e.message ?? 'unknown error'}`);
      }
    },
  };
}
