// Sends the invitation e-mail of a newly invited user, durably: the SMTP server may be down for a while.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { InvitationInput } from './messages.js';

const invitations = proxyActivities<Pick<Activities, 'sendInvitation'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes', nonRetryableErrorTypes: ['InvitedUserGone'] },
  scheduleToCloseTimeout: '2 days',
});

export async function userInvitationWorkflow(input: InvitationInput): Promise<{ sent: boolean }> {
  return invitations.sendInvitation(input);
}
