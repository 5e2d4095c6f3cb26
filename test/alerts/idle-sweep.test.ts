// Before a notifier ends for idleness it collects once: an intent recorded behind a wake mark whose
// signal never reached the notifier is delivered then, not at the organization's next alert (which
// may never come). The idle half hour passes on the time-skipping server; the PostgreSQL clock does
// not move, so the stale mark's refresh (record-intent.ts) cannot be what delivers it.
import { describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { startSinks } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { eventually, report } from '../helpers/repair-stack.js';
import { orgNotifierWorkflowId } from '../../workflows/org-notifier/messages.js';
import { recordHistory } from '../helpers/histories.js';
import { setWakeMark } from '../helpers/wake-marks.js';

const sinks = useStarted(startSinks);
const { env, stack } = useTimeSkippingStack(() => ({ ...sinks().env, ALERT_WINDOW_MS: '1000' }));

const MINUTE = 60_000;
const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;
const mailsTo = async (address: string) => (await sinks().mails()).filter((m) => m.to.some((t) => t.address === address));
const db = () => stack().db.orm.em.fork().getConnection();

describe('a notifier going idle', () => {
  it('delivers an alert left behind a wake whose signal was lost before it ends', async () => {
    const m = await createAlertingMerchant(stack(), { name: 'Señal Perdida', locale: 'es', userLocale: 'es', stores: 2, phone: '+34600000077', email: 'perdida@example.com' });
    await report(stack(), m.connections[0]!, inactive);
    await eventually(() => mailsTo('perdida@example.com'), (list) => list.length === 1, 30_000);
    // A recorder set the organization's wake mark, and its signal was lost: the second store's
    // intent is recorded behind that mark and signals nobody.
    await setWakeMark(stack(), m.orgId);
    const second = await report(stack(), m.connections[1]!, inactive);
    const statusOfSecond = async () => (await db().execute<{ status: string }[]>('select status from notification_intents where id = ?', [`${second.repairId}#opening`]))[0]?.status;
    // Ten quiet minutes: nothing but the look before the idle end can deliver it.
    await env().sleep(10 * MINUTE);
    expect(await statusOfSecond()).toBe('recorded');
    expect(await mailsTo('perdida@example.com')).toHaveLength(1);

    await env().sleep(21 * MINUTE);
    const mails = await eventually(() => mailsTo('perdida@example.com'), (list) => list.length === 2, 30_000);
    expect(mails[1]!.html).toContain('Local 02');
    expect(mails[1]!.html).not.toContain('Local 01');
    // The e-mail reaches the sink before its intent is marked sent.
    await eventually(statusOfSecond, (status) => status !== 'recorded');
    // The collection took the mark away: the organization's next alert wakes the notifier again.
    expect(await db().execute('select 1 from notifier_wakes where org_id = ?', [m.orgId])).toHaveLength(0);

    // Another quiet half hour with nothing left: the notifier ends.
    await env().sleep(31 * MINUTE);
    const handle = stack().temporal.workflow.getHandle(orgNotifierWorkflowId(m.orgId));
    await eventually(async () => (await handle.describe()).status.name, (status) => status === 'COMPLETED', 30_000);
    await recordHistory(stack().temporal, orgNotifierWorkflowId(m.orgId), 'org-notifier-idle-sweep');
  });
});
