// The worker's workflowsPath: every workflow function, and nothing else.
export { workerProbeWorkflow } from './worker-probe.workflow.js';
