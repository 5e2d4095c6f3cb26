// The repair stack on the time-skipping test server, for waits of hours and days. The server knows
// no custom search attributes until told, so they are registered first.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEARCH_ATTRIBUTES } from '../../workflows/repair/search-attributes.js';
import { startRepairStack, type RepairStack } from './repair-stack.js';
import { temporalExecutable } from './temporal-executable.js';
import { useStarted } from './lifecycle.js';

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  stack: RepairStack;
  close(): Promise<void>;
}

/** `env` adds settings to the stack's (the sinks' addresses, shorter timings). */
export async function startTimeSkippingStack(env: NodeJS.ProcessEnv = {}): Promise<TimeSkippingStack> {
  const testEnv = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalExecutable('time-skipping') } });
  await testEnv.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    // 2 = Keyword, 3 = Int in the operator API's enum.
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((k) => [k.name, k.type === 'INT' ? 3 : 2])),
  });
  const stack = await startRepairStack({ temporal: { client: testEnv.client, nativeConnection: testEnv.nativeConnection }, env: { ...env, TEMPORAL_ADDRESS: testEnv.address } });
  return {
    env: testEnv,
    stack,
    close: async () => {
      await stack.close();
      await testEnv.teardown();
    },
  };
}

/**
 * The stack for one test file (or describe block): started before its tests, closed after them.
 * `settings` is read when it starts, so it may use what an earlier hook started (the sinks).
 */
export function useTimeSkippingStack(settings: () => NodeJS.ProcessEnv = () => ({})): { env(): TestWorkflowEnvironment; stack(): RepairStack } {
  const running = useStarted(() => startTimeSkippingStack(settings()));
  return { env: () => running().env, stack: () => running().stack };
}
