// What a repair knows of its connection, from a row of `connections` or `repairs` read with plain SQL
// (intake and the reconciler): the same columns in both tables.
import type { ConnectionFacts } from '../../../workflows/repair/messages.js';

export interface ConnectionFactsRow {
  connection_id: string;
  org_id: string;
  provider: string;
  account_ref: string;
  store_ids: string[];
}

export const connectionFactsOfRow = (row: ConnectionFactsRow): ConnectionFacts => ({
  connectionId: row.connection_id,
  orgId: row.org_id,
  provider: row.provider,
  accountRef: row.account_ref,
  storeIds: row.store_ids,
});
