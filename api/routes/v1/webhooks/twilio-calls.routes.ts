// The emergency call's callbacks from Twilio, each verified by Twilio's signature (refused
// otherwise): the key the contact pressed (answered in TwiML: thanks, the alert again, or goodbye)
// and the call's progress (written to the delivery log: completed, or busy / no-answer / failed).
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { verifyTwilioSignature } from '../../../../activities/channels/twilio-signature.js';
import { Notification } from '../../../../core/db/entities/index.js';
import { unauthorized, unprocessable } from '../../../../core/services/problem.js';
import { answerCall } from '../../../../core/services/alert-answers/answer-call.js';
import { publicRoute } from '../../../plugins/route-access.js';

const CALL_SID = /^CA[0-9a-f]{32}$/;
const ATTEMPT = /^[1-9]$/;
const DIGITS = /^[0-9*#]{0,1}$/;
/** Twilio's final call statuses; the others (queued, ringing, in-progress) change nothing we keep. */
const FINAL: Record<string, 'delivered' | 'failed'> = { completed: 'delivered', busy: 'failed', 'no-answer': 'failed', failed: 'failed', canceled: 'failed' };

const invalid = (where: 'body' | 'querystring', name: string, reason: string) => unprocessable(`${name} ${reason}.`, [{ name: `${where}.${name}`, in: where, reason }]);
type Signed = FastifyRequest<{ Body: Record<string, string>; Querystring: Record<string, string> }>;

export const twilioCallRoutes: FastifyPluginAsync<{ authToken: string; publicUrl: string }> = async (app, options) => {
  await app.register(formbody);
  // Twilio signs the URL it called, query included: ours is the public origin plus the path asked for.
  const verify = (request: Signed) => {
    const signature = request.headers['x-twilio-signature'];
    const url = `${options.publicUrl.replace(/\/$/, '')}${request.url}`;
    if (!verifyTwilioSignature({ authToken: options.authToken, signature: typeof signature === 'string' ? signature : undefined, url, params: request.body ?? {} })) {
      throw unauthorized('The Twilio signature does not match this request.');
    }
    const sid = request.body?.CallSid;
    if (typeof sid !== 'string' || !CALL_SID.test(sid)) throw invalid('body', 'CallSid', 'must be a Twilio call sid (CA and 32 hex digits)');
    return sid;
  };

  app.post<{ Body: Record<string, string>; Querystring: Record<string, string> }>(
    '/v1/webhooks/twilio/calls/gather',
    { config: publicRoute('twilio-signature'), schema: { tags: ['webhooks'], summary: 'The key pressed during an emergency call (signed by Twilio); 1 acknowledges the repair; answered in TwiML' } },
    async (request, reply) => {
      const sid = verify(request);
      const attempt = request.query.attempt ?? '1';
      if (!ATTEMPT.test(attempt)) throw invalid('querystring', 'attempt', 'must be a digit from 1 to 9');
      const digits = request.body.Digits ?? '';
      if (typeof digits !== 'string' || !DIGITS.test(digits)) throw invalid('body', 'Digits', 'must be one key (0-9, * or #)');
      const answered = await answerCall({ em: request.em, temporal: app.temporal, publicUrl: options.publicUrl }, sid, digits, Number(attempt));
      request.log.info({ outcome: answered.outcome, repairIds: answered.repairIds, callSid: sid }, 'emergency call answered');
      return reply.type('text/xml; charset=utf-8').send(answered.twiml);
    },
  );

  app.post<{ Body: Record<string, string>; Querystring: Record<string, string> }>(
    '/v1/webhooks/twilio/calls/status',
    { config: publicRoute('twilio-signature'), schema: { tags: ['webhooks'], summary: 'An emergency call\'s status callback (signed by Twilio)' } },
    async (request, reply) => {
      const sid = verify(request);
      const status = request.body.CallStatus;
      const final = typeof status === 'string' ? FINAL[status] : undefined;
      const call = final ? await request.em.findOne(Notification, { providerId: sid, channel: 'call' }) : null;
      // A final status is written once: a late or repeated callback changes nothing.
      if (call && final && (call.status === 'sent' || call.status === 'queued')) {
        request.em.assign(call, { status: final, error: final === 'failed' ? `call ${status}` : null, updatedAt: new Date() });
        await request.em.flush();
        request.log.info({ repairIds: call.repairIds, callSid: sid, callStatus: status }, final === 'failed' ? 'emergency call not answered' : 'emergency call completed');
      }
      return reply.code(204).send();
    },
  );
};
