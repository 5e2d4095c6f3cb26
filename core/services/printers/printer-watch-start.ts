// Each registered printer gets a watch workflow that tells the merchant when it stops polling.
import type { ServiceContext } from '../service-context.js';
import { printerWatchWorkflowId } from '../../../workflows/printer-watch/messages.js';
import type { printerWatchWorkflow } from '../../../workflows/printer-watch/printer-watch.workflow.js';

export async function startPrinterWatch(ctx: Pick<ServiceContext, 'temporal' | 'taskQueue' | 'cloudPrinting'>, printerId: string): Promise<void> {
  await ctx.temporal.workflow.start<typeof printerWatchWorkflow>('printerWatchWorkflow', {
    workflowId: printerWatchWorkflowId(printerId),
    taskQueue: ctx.taskQueue,
    args: [{ version: 1, printerId, staleAfterMs: ctx.cloudPrinting.staleAfterMs, checkEveryMs: ctx.cloudPrinting.checkEveryMs }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: `Watches cloud printer ${printerId} for missed polls`,
  });
}
