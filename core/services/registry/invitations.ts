// Invitation e-mails go through a workflow (durable retries while SMTP is down), one per invited user.
import type { Client } from '@temporalio/client';
import { invitationWorkflowId } from '../../../workflows/user-invitation/messages.js';
import type { userInvitationWorkflow } from '../../../workflows/user-invitation/user-invitation.workflow.js';

export async function sendInvitation(temporal: Client, taskQueue: string, input: { invitedUserId: string; inviterUserId: string }): Promise<void> {
  await temporal.workflow.start<typeof userInvitationWorkflow>('userInvitationWorkflow', {
    workflowId: invitationWorkflowId(input.invitedUserId),
    taskQueue,
    args: [{ version: 1, ...input }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: `Invitation of user ${input.invitedUserId}`,
  });
}
