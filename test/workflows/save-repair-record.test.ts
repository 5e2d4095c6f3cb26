// The readable copy of a repair (activities/records.activities.ts, saveRepair): one statement writes
// the row (only a newer revision), the event once per activity execution, and the connection's
// status (only with a save that was kept). Against a real database, in an activity's context.
import { MockActivityEnvironment } from '@temporalio/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerCounters } from '../../core/metrics/worker-counters.js';
import { createRecordActivities, type SaveRepairInput } from '../../activities/records.activities.js';
import { initialSnapshot } from '../../workflows/repair/snapshot.js';
import { repairWorkflowId, type RepairSnapshot } from '../../workflows/repair/messages.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
const connection = { connectionId: 'con_saverecord', orgId: 'org_saverecord', provider: 'uber_eats', accountRef: 'acct-save', storeIds: [] as string[] };
beforeAll(async () => {
  db = await createTestDatabase();
  const q = (sql: string) => db.orm.em.fork().getConnection().execute(sql);
  await q(`insert into orgs (id, name, locale, timezone, environment, created_at) values ('org_saverecord', 'Save', 'es', 'Europe/Madrid', 'production', now())`);
  await q(`insert into connections (id, org_id, provider, account_ref, self_repairable, status, store_ids, created_at, updated_at)
           values ('con_saverecord', 'org_saverecord', 'uber_eats', 'acct-save', true, 'healthy', '[]', now(), now())`);
});
afterAll(async () => {
  await db?.close();
});

const read = async (repairId: string) => {
  const conn = db.orm.em.fork().getConnection();
  const [repair] = await conn.execute<{ state: string; revision: number }[]>('select state, revision from repairs where id = ?', [repairId]);
  const events = await conn.execute<{ kind: string }[]>('select kind from repair_events where repair_id = ? order by at', [repairId]);
  const [status] = await conn.execute<{ status: string }[]>("select status from connections where id = 'con_saverecord'");
  return { repair, events: events.map((e) => e.kind), status: status!.status };
};

describe('saveRepair', () => {
  it('writes the row, its event once for a retried execution, and the status; a stale save changes neither the row nor the status', async () => {
    const registry = new Registry();
    const { saveRepair } = createRecordActivities({ orm: db.orm, metrics: createWorkerCounters(registry) });
    const repairId = 'rep_saverecord';
    const base: RepairSnapshot = initialSnapshot({ version: 1, repairId, connection, timings: {} as never }, Date.now());
    const save = (activityId: string, input: Omit<SaveRepairInput, 'workflowId'>) =>
      new MockActivityEnvironment({ activityId, workflowExecution: { workflowId: repairWorkflowId(connection.connectionId), runId: 'run-1' } }).run(saveRepair, { workflowId: repairWorkflowId(connection.connectionId), ...input });

    const opened = { snapshot: { ...base, state: 'awaiting_credentials' as const, revision: 1 }, event: { at: Date.now(), kind: 'reported' as const }, connectionStatus: 'needs_attention' as const };
    await save('1', opened);
    await save('1', opened); // the same execution retried
    expect(await read(repairId)).toEqual({ repair: { state: 'awaiting_credentials', revision: 1 }, events: ['reported'], status: 'needs_attention' });
    expect((await registry.getSingleMetric('repair_repairs_opened_total')!.get()).values.reduce((n, v) => n + v.value, 0)).toBe(1);

    await save('3', { snapshot: { ...base, state: 'healthy', revision: 3 }, event: { at: Date.now() + 1, kind: 'resolved' }, connectionStatus: 'healthy' });
    // A late save of revision 2 (its activity ran before, its write arrives after).
    await save('2', { snapshot: { ...base, state: 'awaiting_verification_code', revision: 2 }, event: { at: Date.now() + 2, kind: 'attempt' }, connectionStatus: 'needs_attention' });
    expect(await read(repairId)).toEqual({ repair: { state: 'healthy', revision: 3 }, events: ['reported', 'resolved', 'attempt'], status: 'healthy' });
  });
});
