// The worker's workflowsPath: every workflow function, and nothing else.
export { repairWorkflow } from './repair.workflow.js';
export { workerProbeWorkflow } from './worker-probe.workflow.js';
export { orgNotifierWorkflow } from './org-notifier.workflow.js';
export { webhookDispatcherWorkflow } from './webhook-dispatcher.workflow.js';
export { supportTicketWorkflow } from './support-ticket.workflow.js';
export { providerHealthWorkflow } from './provider-health.workflow.js';
export { connectionProbeWorkflow } from './connection-probe.workflow.js';
export { userInvitationWorkflow } from './user-invitation.workflow.js';
export { repairReconcileWorkflow } from './repair-reconcile.workflow.js';
