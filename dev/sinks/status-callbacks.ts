// How Twilio reports delivery: a form POST per status change to the message's StatusCallback URL,
// signed in X-Twilio-Signature with the account's auth token (see channels/twilio-signature.ts).
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';

export interface CallbackAttempt {
  status: string;
  at: string;
  /** The HTTP status the callback URL answered, or the network error. */
  answer: number | string;
}

export interface StatusReport {
  url: string;
  authToken: string;
  params: Record<string, string>;
}

export async function postStatusCallback(report: StatusReport): Promise<CallbackAttempt> {
  const at = new Date().toISOString();
  const status = report.params.MessageStatus ?? '';
  try {
    const res = await fetch(report.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'TwilioProxy/1.1 (repair local SMS sink)',
        'x-twilio-signature': signTwilioRequest(report.authToken, report.url, report.params),
      },
      body: new URLSearchParams(report.params).toString(),
      signal: AbortSignal.timeout(5_000),
    });
    await res.arrayBuffer();
    return { status, at, answer: res.status };
  } catch (error) {
    return { status, at, answer: error instanceof Error ? error.message : String(error) };
  }
}
