// The user invitation (one per invited user) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.

export const invitationWorkflowId = (userId: string) => `invitation-${userId}`;

/** A merchant invited a colleague; the invitation e-mail carries a sign-in link. */
export interface InvitationInput {
  version: 1;
  invitedUserId: string;
  inviterUserId: string;
}
