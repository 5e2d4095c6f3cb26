// The repair stack on the time-skipping test server, for waits of hours and days. The server knows
// no custom search attributes until told, so they are registered first.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SEARCH_ATTRIBUTES } from '../../workflows/repair/search-attributes.js';
import { startRepairStack, type RepairStack } from './repair-stack.js';
import { temporalExecutable } from './temporal-executable.js';

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  stack: RepairStack;
  close(): Promise<void>;
}

/** `env`: settings for the stack (the local sinks' addresses, for tests that follow messages and calls). */
export async function startTimeSkippingStack(options: { env?: NodeJS.ProcessEnv } = {}): Promise<TimeSkippingStack> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalExecutable('time-skipping') } });
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    // 2 = Keyword, 3 = Int in the operator API's enum.
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((k) => [k.name, k.type === 'INT' ? 3 : 2])),
  });
  const stack = await startRepairStack({ temporal: { client: env.client, nativeConnection: env.nativeConnection }, env: { ...options.env, TEMPORAL_ADDRESS: env.address } });
  return {
    env,
    stack,
    close: async () => {
      await stack.close();
      await env.teardown();
    },
  };
}
