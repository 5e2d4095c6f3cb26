// How the sinks play Twilio calling us back: a form POST signed with the account's auth token, the
// answer's status and body kept for the sink's page (or what went wrong, when nothing answered).
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';

export async function postTwilioSigned(authToken: string, url: string, params: Record<string, string>): Promise<{ answer: number | string; text: string | null }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, url, params) },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return { answer: res.status, text: await res.text() };
  } catch (error) {
    return { answer: error instanceof Error ? error.message : String(error), text: null };
  }
}

/** TwiML text as it was before XML escaping. */
export const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
