// Replies to our alert SMS (and WhatsApp messages, `From: whatsapp:+…`), as Twilio forwards them:
// verified by Twilio's signature (refused otherwise), acted on, and answered in TwiML
// (<Response><Message>), so the answer goes back on the channel the reply came by.
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import twilio from 'twilio';
import { verifyTwilioSignature } from '../../../../activities/channels/twilio-signature.js';
import { unauthorized, unprocessable } from '../../../../core/services/problem.js';
import { answerReply } from '../../../../core/services/alert-answers/answer-reply.js';
import { firstArrival, MESSAGE_SID } from '../../../../core/services/alert-answers/inbound-once.js';
import { publicRoute } from '../../../plugins/route-access.js';

const FROM = /^(whatsapp:)?\+[1-9]\d{6,14}$/;
const invalid = (name: string, reason: string) => unprocessable(`${name} ${reason}.`, [{ name: `body.${name}`, in: 'body', reason }]);

export const twilioInboundRoutes: FastifyPluginAsync<{ authToken: string; inboundUrl: string; publicUrl: string }> = async (app, options) => {
  await app.register(formbody);
  app.post<{ Body: Record<string, string> }>(
    '/v1/webhooks/twilio/inbound',
    { config: publicRoute('twilio-signature'), schema: { tags: ['webhooks'], summary: 'A reply to an alert SMS or WhatsApp message (signed by Twilio); answered in TwiML' } },
    async (request, reply) => {
      const params = request.body ?? {};
      const signature = request.headers['x-twilio-signature'];
      if (!verifyTwilioSignature({ authToken: options.authToken, signature: typeof signature === 'string' ? signature : undefined, url: options.inboundUrl, params })) {
        throw unauthorized('The Twilio signature does not match this request.');
      }
      if (typeof params.From !== 'string' || !FROM.test(params.From)) throw invalid('From', 'must be an E.164 number, optionally prefixed with whatsapp:');
      if (typeof params.Body !== 'string' || params.Body.length > 1600) throw invalid('Body', 'must be a text of at most 1600 characters');
      if (typeof params.MessageSid !== 'string' || !MESSAGE_SID.test(params.MessageSid)) throw invalid('MessageSid', "must be Twilio's message id (SM or MM and 32 hexadecimal digits)");
      const twiml = new twilio.twiml.MessagingResponse();
      if (!(await firstArrival(request.em, params.MessageSid))) {
        // A replay (or Twilio retrying a reply we already took): nothing happens again, nothing is answered.
        request.log.warn({ messageSid: params.MessageSid }, 'alert reply already taken');
        return reply.type('text/xml; charset=utf-8').send(twiml.toString());
      }
      const answered = await answerReply({ em: request.em, temporal: app.temporal, publicUrl: options.publicUrl }, params.From, params.Body);
      request.log.info({ intent: answered.intent, repairIds: answered.repairIds, messageSid: params.MessageSid }, 'alert reply');
      if (answered.text) twiml.message(answered.text);
      return reply.type('text/xml; charset=utf-8').send(twiml.toString());
    },
  );
};
