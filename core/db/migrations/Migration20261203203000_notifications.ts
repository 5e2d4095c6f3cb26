import { Migration } from '@mikro-orm/migrations';

// The delivery log of alerts was a table named "messages"; in this code a message is only a Temporal
// workflow message, so the log of what was sent to people is "notifications" (entity Notification).
const RENAMES: ReadonlyArray<[kind: 'constraint' | 'index', from: string, to: string]> = [
  ['constraint', 'messages_pkey', 'notifications_pkey'],
  ['constraint', 'messages_idempotency_key_unique', 'notifications_idempotency_key_unique'],
  ['index', 'messages_org_created_at_index', 'notifications_org_created_at_index'],
  ['index', 'messages_provider_id_index', 'notifications_provider_id_index'],
  ['index', 'messages_status_send_after_index', 'notifications_status_send_after_index'],
  ['index', 'messages_repair_ids_index', 'notifications_repair_ids_index'],
];

export class Migration20261203203000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "messages" rename to "notifications";`);
    for (const [kind, from, to] of RENAMES) this.addSql(kind === 'constraint' ? `alter table "notifications" rename constraint "${from}" to "${to}";` : `alter index "${from}" rename to "${to}";`);
  }

  override async down(): Promise<void> {
    for (const [kind, from, to] of RENAMES) this.addSql(kind === 'constraint' ? `alter table "notifications" rename constraint "${to}" to "${from}";` : `alter index "${to}" rename to "${from}";`);
    this.addSql(`alter table "notifications" rename to "messages";`);
  }
}
