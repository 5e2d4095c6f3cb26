// Twilio's delivery reports, SMS and WhatsApp alike: verified by Twilio's request signature, then
// written to the delivery log. WhatsApp also reports `read`: for the log, a read message is delivered.
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { verifyTwilioSignature } from '../../../../activities/channels/twilio-signature.js';
import { Notification } from '../../../../core/db/entities/index.js';
import { unauthorized } from '../../../../core/services/problem.js';
import { publicRoute } from '../../../plugins/route-access.js';

const STATUS_ORDER = ['queued', 'sent', 'delivered', 'failed', 'undelivered'];
const READ = 'read';

export const twilioStatusRoutes: FastifyPluginAsync<{ authToken: string; callbackUrl: string }> = async (app, options) => {
  await app.register(formbody);
  app.post<{ Body: Record<string, string> }>(
    '/v1/webhooks/twilio/status',
    { config: publicRoute('twilio-signature'), schema: { tags: ['webhooks'], summary: 'Twilio delivery status callback (signed by Twilio)', hide: false } },
    async (request, reply) => {
      const params = request.body ?? {};
      const signature = request.headers['x-twilio-signature'];
      if (!verifyTwilioSignature({ authToken: options.authToken, signature: typeof signature === 'string' ? signature : undefined, url: options.callbackUrl, params })) {
        throw unauthorized('The Twilio signature does not match this request.');
      }
      const sid = params.MessageSid ?? params.SmsSid;
      const reported = params.MessageStatus ?? params.SmsStatus;
      const status = reported === READ ? 'delivered' : reported;
      if (sid && status && STATUS_ORDER.includes(status)) {
        const message = await request.em.findOne(Notification, { providerId: sid, channel: { $in: ['sms', 'whatsapp'] } });
        // Callbacks can arrive out of order; a later status never goes back to an earlier one.
        if (message && STATUS_ORDER.indexOf(status) >= STATUS_ORDER.indexOf(message.status)) {
          request.em.assign(message, { status: status === 'undelivered' ? 'failed' : (status as 'sent' | 'delivered' | 'failed'), error: params.ErrorCode ? `Twilio ${params.ErrorCode}` : (message.error ?? null), updatedAt: new Date() });
          await request.em.flush();
        }
      }
      return reply.code(204).send();
    },
  );
};
