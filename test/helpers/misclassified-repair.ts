// A repair whose error was classified by older rules: what a fix to the provider catalogue leaves
// behind. Started as a run continued from one that classified an invalid-credentials code as unknown.
import type { WorkflowHandle } from '@temporalio/client';
import { newId } from '../../core/db/ids.js';
import type { repairWorkflow } from '../../workflows/repair/repair.workflow.js';
import { repairWorkflowId, type RepairSnapshot, type RepairWorkflowInput } from '../../workflows/repair/messages.js';
import { RepairErrorType, RepairOrgId, RepairProvider, RepairState, RepairStoreCount } from '../../workflows/repair/search-attributes.js';
import { initialSnapshot } from '../../workflows/repair/snapshot.js';
import { errorCode, type MerchantSetup, type RepairStack } from './repair-stack.js';

export async function startMisclassifiedRepair(stack: RepairStack, m: MerchantSetup, provider: string): Promise<WorkflowHandle<typeof repairWorkflow>> {
  const connection = { connectionId: m.connectionId, orgId: m.orgId, provider, accountRef: m.accountRef, storeIds: m.storeIds };
  const input: RepairWorkflowInput = { version: 1, repairId: newId('rep'), connection, timings: stack.config.repairTimings };
  const error = { code: errorCode(provider, 'invalid_credentials'), errorType: 'unknown', cause: null, resolution: 'support' } as const;
  const carried: RepairSnapshot = { ...initialSnapshot(input, Date.now()), state: 'awaiting_support', error, reportCount: 1, revision: 1 };
  return stack.temporal.workflow.start<typeof repairWorkflow>('repairWorkflow', {
    workflowId: repairWorkflowId(m.connectionId),
    taskQueue: stack.config.temporal.taskQueue,
    args: [{ ...input, carried }],
    typedSearchAttributes: [
      { key: RepairProvider, value: provider },
      { key: RepairOrgId, value: m.orgId },
      { key: RepairStoreCount, value: m.storeIds.length },
      { key: RepairState, value: 'awaiting_support' },
      { key: RepairErrorType, value: 'unknown' },
    ],
  });
}
