// Invitation e-mails go through a workflow (durable retries while SMTP is down), one per invited user.
import type { ServiceContext } from '../service-context.js';
import { invitationWorkflowId } from '../../../workflows/user-invitation/messages.js';
import type { userInvitationWorkflow } from '../../../workflows/user-invitation/user-invitation.workflow.js';

export async function sendInvitation(ctx: Pick<ServiceContext, 'temporal' | 'taskQueue'>, input: { invitedUserId: string; inviterUserId: string }): Promise<void> {
  await ctx.temporal.workflow.start<typeof userInvitationWorkflow>('userInvitationWorkflow', {
    workflowId: invitationWorkflowId(input.invitedUserId),
    taskQueue: ctx.taskQueue,
    args: [{ version: 1, ...input }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: `Invitation of user ${input.invitedUserId}`,
  });
}
