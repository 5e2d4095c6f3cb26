import { Migration } from '@mikro-orm/migrations';

export class Migration20261123081127_alerts_and_contacts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "messages" ("id" varchar(255) not null, "idempotency_key" varchar(255) not null, "org" varchar(255) not null, "repair_ids" jsonb not null, "channel" text check ("channel" in ('email', 'sms', 'ticket')) not null, "recipient" varchar(255) not null, "template" varchar(255) not null, "locale" varchar(5) not null, "status" text check ("status" in ('queued', 'held', 'sent', 'delivered', 'failed', 'suppressed')) not null, "provider_id" varchar(255) null, "error" text null, "send_after" timestamptz null, "content" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`);
    this.addSql(`alter table "messages" add constraint "messages_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "messages_org_created_at_index" on "messages" ("org", "created_at");`);
    this.addSql(`create index "messages_provider_id_index" on "messages" ("provider_id");`);
    this.addSql(`create index "messages_status_send_after_index" on "messages" ("status", "send_after");`);

    this.addSql(`create table "org_contacts" ("org_id" varchar(255) not null, "alert_contacts" jsonb not null, "emergency_technical" jsonb not null, "non_emergency_technical" jsonb not null, "merchant_operations" jsonb not null, "platform_operations" jsonb not null, "user_facing_operations" jsonb null, "support_hours" jsonb not null, "missing" jsonb not null, "updated_by" varchar(255) null, "updated_at" timestamptz not null, constraint "org_contacts_pkey" primary key ("org_id"));`);

    this.addSql(`alter table "org_contacts" add constraint "org_contacts_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification_intents" add column "status" varchar(255) not null default 'recorded', add column "reason" varchar(255) null;`);

    this.addSql(`alter table "stores" add column "printer_address" varchar(255) null, add column "alert_phones" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "messages" cascade;`);

    this.addSql(`drop table if exists "org_contacts" cascade;`);

    this.addSql(`alter table "notification_intents" drop column "status", drop column "reason";`);

    this.addSql(`alter table "stores" drop column "printer_address", drop column "alert_phones";`);
  }

}
