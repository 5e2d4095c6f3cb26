// Twilio's client has no base-URL option. This RequestClient sends the very same requests to
// another origin (the local SMS sink); production simply does not use it.
import twilio from 'twilio';

type RequestOptions<T> = Parameters<twilio.RequestClient['request']>[0] & { data?: T };

/** api.twilio.com and its edge/region variants (api.dublin.ie1.twilio.com). */
const TWILIO_API_ORIGIN = /^https:\/\/api(?:\.[a-z0-9-]+)*\.twilio\.com/;

export class RedirectingRequestClient extends twilio.RequestClient {
  private readonly origin: string;

  constructor(baseUrl: string, options: { timeout?: number } = {}) {
    super(options);
    this.origin = baseUrl.replace(/\/+$/, '');
  }

  override request<T>(opts: RequestOptions<T>) {
    return super.request<T>({ ...opts, uri: opts.uri.replace(TWILIO_API_ORIGIN, this.origin) });
  }
}
