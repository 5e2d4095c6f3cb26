// Timers of a repair that waits for people: reminders, then escalation to the emergency contacts
// (and, nobody acknowledging it, a call to them) and to support (which opens a ticket). The repair
// keeps waiting: the merchant can still fix it.
import { ActivityFailure, log } from '@temporalio/workflow';
import { emergencyCall, escalationTicket } from './activity-proxies.js';
import { emit, notify, save } from './bookkeeping.js';
import { failureSummary } from './failed-pairing.js';
import type { RepairRun } from './repair-run.js';
import { touch, type DueKind } from './snapshot.js';

export async function actOnDue(run: RepairRun, kind: DueKind): Promise<void> {
  if (kind === 'reminder') await remind(run);
  else if (kind === 'call_emergency') await callEmergencyContacts(run);
  else await escalate(run, kind === 'escalate_emergency' ? 'emergency' : 'support');
}

async function remind(run: RepairRun): Promise<void> {
  const repair = run.repair;
  repair.reminderCount += 1;
  repair.deferredUntil = null;
  touch(repair, Date.now());
  await save(run, { kind: 'reminder', detail: { count: repair.reminderCount } });
  await notify(run, 'reminder');
}

async function escalate(run: RepairRun, to: 'emergency' | 'support'): Promise<void> {
  const repair = run.repair;
  repair.escalation = to;
  // The call timer counts from here (only runs that ask for it, see waiting.ts, ever use it).
  if (to === 'emergency') repair.escalatedAt = Date.now();
  if (to === 'support') repair.supportRequested = true;
  repair.revision += 1;
  await save(run, { kind: 'escalated', detail: { to } });
  await notify(run, to === 'emergency' ? 'escalated_emergency' : 'escalated_support');
  if (to === 'support') await openEscalationTicket(run);
  await emit(run, 'repair.escalated', { to });
}

/** Once per repair: marked first, so a failed call is not placed again by the next timer. */
async function callEmergencyContacts(run: RepairRun): Promise<void> {
  const repair = run.repair;
  repair.emergencyCalled = true;
  repair.revision += 1;
  await save(run, { kind: 'called', detail: { to: 'emergency' } });
  try {
    await emergencyCall.callEmergencyContacts({ repairId: repair.repairId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // The escalation SMS and e-mail went out already; support's escalation still comes.
    log.warn('emergency call not placed after its retries', { repairId: repair.repairId, failure: failureSummary(error) });
  }
}

/** Support takes over with a ticket; one that cannot open after its retries does not hold the repair. */
async function openEscalationTicket(run: RepairRun): Promise<void> {
  try {
    await escalationTicket.openTicketForRepair({ repairId: run.repair.repairId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // The escalation e-mail went out already; support still sees the repair in its list.
    log.warn('repair escalated without a ticket: opening it failed after its retries', { repairId: run.repair.repairId, failure: failureSummary(error) });
  }
}
