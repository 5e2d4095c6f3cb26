// The invitation e-mail: who invited whom to which organization, with a sign-in link for the new user.
import { ApplicationFailure } from '@temporalio/activity';
import { Org, User } from '../core/db/entities/index.js';
import type { Orm } from '../core/db/orm.js';
import { LINK_TTL_SECONDS, signLink } from '../core/secrets/repair-links.js';
import { pickLocale } from '../core/providers/index.js';
import { translate } from '../core/i18n/index.js';
import { template } from '../templates/template-engine.js';
import type { InvitationInput } from '../workflows/user-invitation/messages.js';
import type { AlertChannels } from './alerts/alert-channels.js';
import { retryIfQueued, sendLogged } from './alerts/send-logged.js';
import { activityKey } from './records.activities.js';

export interface InvitationDependencies {
  orm: Orm;
  channels: AlertChannels;
  publicUrl: string;
  linkKey: Buffer;
}

export function createInvitationActivities(d: InvitationDependencies) {
  return {
    async sendInvitation(input: InvitationInput): Promise<{ sent: boolean }> {
      const em = d.orm.em.fork();
      const invited = await em.findOne(User, { id: input.invitedUserId });
      if (!invited) throw ApplicationFailure.nonRetryable('The invited user no longer exists', 'InvitedUserGone');
      const [inviter, org] = await Promise.all([em.findOne(User, { id: input.inviterUserId }), em.findOneOrFail(Org, { id: invited.org })]);
      const locale = pickLocale([invited.locale, org.locale]);
      const now = Date.now();
      const view = {
        locale,
        timezone: org.timezone,
        kind: 'invitation',
        kindValues: {},
        orgName: org.name,
        inviterName: inviter?.name ?? inviter?.email ?? org.name,
        forContacts: invited.permissions.includes('contacts:edit'),
        link: `${d.publicUrl}/r/${signLink(d.linkKey, { userId: invited.id }, now)}`,
        expiresAt: new Date(now + LINK_TTL_SECONDS * 1000).toISOString(),
        subject: translate(locale, 'invite.subject', { orgName: org.name }),
      };
      const content = { subject: view.subject, html: template('email/invitation.html.hbs')(view), text: template('email/invitation.txt.hbs')(view).trim() };
      const row = { org: org.id, repairIds: [], channel: 'email' as const, recipient: invited.email, template: 'invitation', locale };
      const message = await sendLogged(em, activityKey(), row, content, () => d.channels.sendEmail({ to: [invited.email], subject: content.subject, html: content.html, text: content.text }));
      retryIfQueued([message]);
      return { sent: message.status === 'sent' };
    },
  };
}
