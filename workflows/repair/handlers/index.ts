// One handler per message, all set before the workflow's first await (an Update without a handler
// at the end of the first activation is rejected).
import type { RepairRun } from '../repair-run.js';
import { handleAcknowledge } from './acknowledge.handler.js';
import { handleCompleteSteps } from './complete-steps.handler.js';
import { handleConnectionHealthy } from './connection-healthy.handler.js';
import { handleDeferRepair } from './defer-repair.handler.js';
import { handleDisconnectionReported } from './disconnection-reported.handler.js';
import { handleReclassify } from './reclassify.handler.js';
import { handleRepairSnapshot } from './repair-snapshot.handler.js';
import { handleRemindLater } from './remind-later.handler.js';
import { handleRequestSupport } from './request-support.handler.js';
import { handleRetryNow } from './retry-now.handler.js';
import { handleSubmitCredentials } from './submit-credentials.handler.js';
import { handleSubmitVerificationCode } from './submit-verification-code.handler.js';

export function handleMessages(run: RepairRun): void {
  handleDisconnectionReported(run);
  handleSubmitCredentials(run);
  handleSubmitVerificationCode(run);
  handleCompleteSteps(run);
  handleDeferRepair(run);
  handleRequestSupport(run);
  handleConnectionHealthy(run);
  handleRetryNow(run);
  handleReclassify(run);
  handleRepairSnapshot(run);
  handleAcknowledge(run);
  handleRemindLater(run);
}
