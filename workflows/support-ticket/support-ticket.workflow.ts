// One chat ticket: first response due within business hours (SLA breach alerts operations), auto-close
// after 72 hours without a merchant answer, reopen on a merchant reply or when the same error returns.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { ticketMessageSignal, ticketReopenSignal, type TicketWorkflowInput } from './messages.js';

const tickets = proxyActivities<Pick<Activities, 'setTicketState' | 'alertSlaBreach' | 'announceTicket'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

type TicketState = 'open' | 'waiting_on_merchant' | 'closed';

export async function supportTicketWorkflow(input: TicketWorkflowInput): Promise<void> {
  let state = 'open' as TicketState;
  let agentAnswered = false;
  let lastMerchantMessage = 0;
  let lastAgentMessage = 0;
  let reopenRequested: string | null = null;
  setHandler(ticketMessageSignal, ({ author, at }) => {
    if (author === 'agent') {
      agentAnswered = true;
      lastAgentMessage = at;
    } else lastMerchantMessage = at;
  });
  setHandler(ticketReopenSignal, ({ reason }) => {
    reopenRequested = reason;
  });

  const move = async (to: TicketState, reason: string) => {
    await tickets.setTicketState({ ticketId: input.ticketId, state: to, reason, at: Date.now() });
    state = to;
  };

  await tickets.announceTicket({ ticketId: input.ticketId });
  // First response: the SLA timer runs on business hours, computed when the ticket opened.
  const answeredInTime = await condition(() => agentAnswered, Math.max(input.firstResponseDueAt - Date.now(), 1));
  if (!answeredInTime) {
    await tickets.alertSlaBreach({ ticketId: input.ticketId, orgId: input.orgId });
    await condition(() => agentAnswered);
  }

  for (;;) {
    if (state === 'closed') {
      const woke = await condition(() => lastMerchantMessage > lastAgentMessage || reopenRequested !== null, input.reopenWindowMs);
      if (!woke) return;
      await move('open', reopenRequested ?? 'merchant replied');
      reopenRequested = null;
      continue;
    }
    // Whose turn: the agent's after a merchant message, the merchant's after an agent answer.
    if (lastAgentMessage >= lastMerchantMessage) {
      if (state !== 'waiting_on_merchant') await move('waiting_on_merchant', 'agent answered');
      const replied = await condition(() => lastMerchantMessage > lastAgentMessage || reopenRequested !== null, input.autoCloseAfterMs);
      if (!replied) await move('closed', 'no answer from the merchant for 72 hours');
      else if (reopenRequested) reopenRequested = null;
    } else {
      if (state !== 'open') await move('open', 'merchant replied');
      await condition(() => lastAgentMessage > lastMerchantMessage);
    }
  }
}
