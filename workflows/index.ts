// The worker's workflowsPath: every workflow function, and nothing else.
export { repairWorkflow } from './repair/repair.workflow.js';
export { workerProbeWorkflow } from './worker-probe/worker-probe.workflow.js';
export { orgNotifierWorkflow } from './org-notifier/org-notifier.workflow.js';
export { webhookDispatcherWorkflow } from './webhook-dispatcher/webhook-dispatcher.workflow.js';
export { supportTicketWorkflow } from './support-ticket/support-ticket.workflow.js';
export { providerHealthWorkflow } from './provider-health/provider-health.workflow.js';
export { connectionProbeWorkflow } from './connection-probe/connection-probe.workflow.js';
export { userInvitationWorkflow } from './user-invitation/user-invitation.workflow.js';
export { repairReconcileWorkflow } from './repair-reconcile/repair-reconcile.workflow.js';
export { printerWatchWorkflow } from './printer-watch/printer-watch.workflow.js';
