import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Connection } from './connection.entity.js';
import { Org } from './org.entity.js';

/**
 * The readable copy of a repair, kept current by its workflow: the API's lists and details
 * come from here, never from querying every workflow.
 */
export const Repair = defineEntity({
  name: 'Repair',
  tableName: 'repairs',
  indexes: [
    { properties: ['org', 'state'] },
    { properties: ['connection'] },
    // The read path: an org's repairs newest first, and its open ones (migration read_path_indexes).
    { name: 'repairs_org_id_opened_at_id_index', expression: 'create index "repairs_org_id_opened_at_id_index" on "repairs" ("org_id", "opened_at" desc, "id")' },
    {
      name: 'repairs_open_org_id_opened_at_id_index',
      expression: `create index "repairs_open_org_id_opened_at_id_index" on "repairs" ("org_id", "opened_at", "id") where "state" not in ('healthy', 'repaired_elsewhere')`,
    },
  ],
  uniques: [
    // One open repair per connection: what makes concurrent reports join (migration one_open_repair_per_connection).
    { name: 'repairs_one_open_per_connection', expression: 'create unique index "repairs_one_open_per_connection" on "repairs" ("connection_id") where "resolved_at" is null' },
  ],
  properties: {
    id: p.string().primary(),
    workflowId: p.string(),
    org: () => p.manyToOne(Org).mapToPk(),
    connection: () => p.manyToOne(Connection).mapToPk(),
    provider: p.string(),
    accountRef: p.string(),
    storeIds: p.json<string[]>(),
    state: p.string(),
    errorCode: p.string().nullable(),
    errorMessage: p.text().nullable(),
    errorType: p.string().nullable(),
    cause: p.string().nullable(),
    resolution: p.string().nullable(),
    attempts: p.integer().default(0),
    lastOutcome: p.string().nullable(),
    reportCount: p.integer().default(1),
    reminderCount: p.integer().default(0),
    escalation: p.string().default('none'),
    supportRequested: p.boolean().default(false),
    deferredUntil: p.datetime().nullable(),
    /** Who took the repair in hand by answering an alert ("I'm on it"), and when. */
    acknowledgedBy: p.string().nullable(),
    acknowledgedAt: p.datetime().nullable(),
    openedAt: p.datetime(),
    updatedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    outcome: p.string().nullable(),
    /** The workflow's snapshot revision: an older copy never overwrites a newer one. */
    revision: p.integer().default(0),
  },
});
export type RepairRow = InferEntity<typeof Repair>;
