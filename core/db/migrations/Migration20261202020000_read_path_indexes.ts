import { Migration } from '@mikro-orm/migrations';

// The read path's queries (core/services/repairs/repair-reads.ts) walk these in order: an org's repairs
// newest first, its open ones, a repair's history and alerts, the messages naming a repair.
export class Migration20261202020000_read_path_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "repairs_org_id_opened_at_id_index" on "repairs" ("org_id", "opened_at" desc, "id");`);
    this.addSql(`create index "repairs_open_org_id_opened_at_id_index" on "repairs" ("org_id", "opened_at", "id") where "state" not in ('healthy', 'repaired_elsewhere');`);

    this.addSql(`drop index "repair_events_repair_id_at_index";`);
    this.addSql(`create index "repair_events_repair_id_at_id_index" on "repair_events" ("repair_id", "at", "id");`);

    this.addSql(`drop index "notification_intents_repair_id_index";`);
    this.addSql(`create index "notification_intents_repair_id_created_at_index" on "notification_intents" ("repair_id", "created_at");`);

    this.addSql(`create index "messages_repair_ids_index" on "messages" using gin ("repair_ids" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "repairs_org_id_opened_at_id_index";`);
    this.addSql(`drop index "repairs_open_org_id_opened_at_id_index";`);

    this.addSql(`drop index "repair_events_repair_id_at_id_index";`);
    this.addSql(`create index "repair_events_repair_id_at_index" on "repair_events" ("repair_id", "at");`);

    this.addSql(`drop index "notification_intents_repair_id_created_at_index";`);
    this.addSql(`create index "notification_intents_repair_id_index" on "notification_intents" ("repair_id");`);

    this.addSql(`drop index "messages_repair_ids_index";`);
  }

}
