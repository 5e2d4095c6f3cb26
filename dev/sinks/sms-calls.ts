// Twilio's Calls API in the local sink: the real twilio client places the emergency call here; the
// sink keeps it (number, the TwiML and what it says), and "Press 1" does what the contact's phone
// and Twilio would: the signed <Gather> callback with Digits, then the signed status "completed".
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { postTwilioSigned, unescapeXml } from './twilio-signed-post.js';
import { escapeHtml } from './sink-page.js';

export interface RecordedCall {
  sid: string;
  to: string;
  from: string;
  twiml: string;
  /** queued until answered: then completed (a key pressed) or no-answer. */
  status: string;
  statusCallback: string | null;
  /** Each key press: the digit, the HTTP status our gather route answered, and its TwiML. */
  presses: { digit: string; answer: number | string; twiml: string | null; at: string }[];
  createdAt: string;
}

type Options = { accountSid: string; authToken: string };
type Authorized = (request: FastifyRequest<{ Params: { sid: string } }>, reply: FastifyReply) => boolean;

/** What the call says, for the page: every <Say>, in order. */
export const spokenText = (twiml: string) => [...twiml.matchAll(/<Say[^>]*>([\s\S]*?)<\/Say>/g)].map((m) => unescapeXml(m[1]!));
const gatherAction = (twiml: string) => /<Gather[^>]*\baction="([^"]+)"/.exec(twiml)?.[1];

const postSigned = (options: Options, url: string, params: Record<string, string>) => postTwilioSigned(options.authToken, url, params);

function callResource(accountSid: string, call: RecordedCall) {
  return { sid: call.sid, account_sid: accountSid, to: call.to, from: call.from, status: call.status, direction: 'outbound-api', api_version: '2010-04-01', date_created: new Date(call.createdAt).toUTCString(), uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json` };
}

/** The contact presses a key: the gather callback (answered in TwiML), then the call ends "completed". */
export async function pressKey(options: Options, call: RecordedCall, digit: string): Promise<RecordedCall['presses'][number]> {
  const base = { AccountSid: options.accountSid, ApiVersion: '2010-04-01', CallSid: call.sid, From: call.from, To: call.to, Direction: 'outbound-api' };
  const action = gatherAction(call.presses[0]?.twiml ?? call.twiml);
  const at = new Date().toISOString();
  const pressed = action ? await postSigned(options, unescapeXml(action), { ...base, Digits: digit, CallStatus: 'in-progress' }) : { answer: 'the call gathers no key', text: null };
  const press = { digit, answer: pressed.answer, twiml: pressed.text, at };
  call.presses.unshift(press);
  call.status = 'completed';
  if (call.statusCallback) await postSigned(options, call.statusCallback, { ...base, CallStatus: 'completed', CallDuration: '20' });
  return press;
}

export function registerCalls(app: FastifyInstance, options: Options, authorized: Authorized, calls: RecordedCall[]): void {
  app.post<{ Params: { sid: string }; Body: Record<string, string> | undefined }>('/2010-04-01/Accounts/:sid/Calls.json', async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const { To: to = '', From: from = '', Twiml: twiml = '', StatusCallback: statusCallback } = request.body ?? {};
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return reply.code(400).send({ code: 21211, message: `Invalid 'To' Phone Number: ${to}`, status: 400 });
    if (!twiml.trim()) return reply.code(400).send({ code: 21205, message: 'Url or Twiml is required', status: 400 });
    const call: RecordedCall = { sid: `CA${randomBytes(16).toString('hex')}`, to, from, twiml, status: 'queued', statusCallback: statusCallback || null, presses: [], createdAt: new Date().toISOString() };
    calls.unshift(call);
    return reply.code(201).send(callResource(options.accountSid, call));
  });
  const press = async (sid: string, digit: unknown) => {
    const call = calls.find((c) => c.sid === sid);
    if (!call || typeof digit !== 'string' || !/^[0-9*#]$/.test(digit)) return null;
    return pressKey(options, call, digit);
  };
  app.post<{ Params: { sid: string }; Body: { digit?: unknown } | undefined }>('/api/calls/:sid/press', async (request, res) => (await press(request.params.sid, request.body?.digit ?? '1')) ?? res.code(404).send({ error: 'no such call, or not one key' }));
  app.post<{ Params: { sid: string }; Body: { Digits?: unknown } | undefined }>('/calls/:sid/press', async (request, res) => {
    await press(request.params.sid, request.body?.Digits ?? '1');
    return res.redirect('/', 303);
  });
  app.get('/api/calls', async () => calls);
}

export function callsSection(calls: RecordedCall[]): string {
  if (calls.length === 0) return '<h2>Calls</h2><p>No calls yet.</p>';
  const row = (c: RecordedCall) =>
    `<tr><td>${escapeHtml(c.createdAt)}</td><td>${escapeHtml(c.to)}</td><td><pre>${escapeHtml(spokenText(c.twiml).join('\n'))}</pre><details><summary>TwiML</summary><pre>${escapeHtml(c.twiml)}</pre></details></td><td>${escapeHtml(c.status)}</td><td>${c.presses.map((p) => `<p>${escapeHtml(p.digit)} → ${escapeHtml(String(p.answer))}<br><small>${escapeHtml(spokenText(p.twiml ?? '').join(' '))}</small></p>`).join('')}<form method="post" action="/calls/${escapeHtml(c.sid)}/press"><input type="hidden" name="Digits" value="1"><button>Press 1</button></form></td></tr>`;
  return `<h2>Calls</h2><table><thead><tr><th scope="col">Placed</th><th scope="col">To</th><th scope="col">Says</th><th scope="col">Status</th><th scope="col">Answer as the phone</th></tr></thead><tbody>${calls.map(row).join('')}</tbody></table>`;
}
