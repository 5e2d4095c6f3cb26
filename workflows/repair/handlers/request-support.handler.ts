// A person asks support for help, in their own words.
import { setHandler } from '@temporalio/workflow';
import { notify, save } from '../bookkeeping.js';
import { requestSupportUpdate } from '../messages.js';
import type { RepairRun } from '../repair-run.js';
import { touch } from '../snapshot.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleRequestSupport(run: RepairRun): void {
  const allowed = allowedNow(run, 'request_support');
  setHandler(
    requestSupportUpdate,
    ({ actingUserId, message }) =>
      actAlone(run, 'request_support', async () => {
        const repair = run.repair;
        repair.supportRequested = true;
        repair.lastOutcome = 'support_requested';
        touch(repair, Date.now());
        await save(run, { kind: 'support_requested', actorUserId: actingUserId, action: 'request_support', outcome: 'support_requested', detail: { message } });
        await notify(run, 'support_requested');
        return run.answer('support_requested');
      }),
    {
      validator: (request) => {
        allowed();
        if (typeof request?.message !== 'string' || request.message.trim().length === 0) throw new Error('message must not be empty');
      },
    },
  );
}
