import { Migration } from '@mikro-orm/migrations';

export class Migration20261123075528_repair_engine extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_intents" ("id" varchar(255) not null, "repair_id" varchar(255) not null, "org_id" varchar(255) not null, "kind" varchar(255) not null, "created_at" timestamptz not null, constraint "notification_intents_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_intents_repair_id_index" on "notification_intents" ("repair_id");`);
    this.addSql(`create index "notification_intents_org_id_created_at_index" on "notification_intents" ("org_id", "created_at");`);

    this.addSql(`create table "pending_secrets" ("id" varchar(255) not null, "repair_id" varchar(255) not null, "kind" text check ("kind" in ('credentials', 'verification_code')) not null, "sealed" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "pending_secrets_pkey" primary key ("id"));`);
    this.addSql(`create index "pending_secrets_expires_at_index" on "pending_secrets" ("expires_at");`);

    this.addSql(`create table "repairs" ("id" varchar(255) not null, "workflow_id" varchar(255) not null, "org_id" varchar(255) not null, "connection_id" varchar(255) not null, "provider" varchar(255) not null, "account_ref" varchar(255) not null, "store_ids" jsonb not null, "state" varchar(255) not null, "error_code" varchar(255) null, "error_message" text null, "error_type" varchar(255) null, "cause" varchar(255) null, "resolution" varchar(255) null, "attempts" int not null default 0, "last_outcome" varchar(255) null, "report_count" int not null default 1, "reminder_count" int not null default 0, "escalation" varchar(255) not null default 'none', "support_requested" boolean not null default false, "deferred_until" timestamptz null, "opened_at" timestamptz not null, "updated_at" timestamptz not null, "resolved_at" timestamptz null, "outcome" varchar(255) null, "revision" int not null default 0, constraint "repairs_pkey" primary key ("id"));`);
    this.addSql(`create index "repairs_org_id_state_index" on "repairs" ("org_id", "state");`);
    this.addSql(`create index "repairs_connection_id_index" on "repairs" ("connection_id");`);

    this.addSql(`create table "repair_events" ("id" varchar(255) not null, "repair_id" varchar(255) not null, "at" timestamptz not null, "kind" varchar(255) not null, "actor_user_id" varchar(255) null, "action" varchar(255) null, "outcome" varchar(255) null, "error_type" varchar(255) null, "cause" varchar(255) null, "error_code" varchar(255) null, "detail" jsonb null, constraint "repair_events_pkey" primary key ("id"));`);
    this.addSql(`create index "repair_events_repair_id_at_index" on "repair_events" ("repair_id", "at");`);

    this.addSql(`alter table "repairs" add constraint "repairs_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);
    this.addSql(`alter table "repairs" add constraint "repairs_connection_id_foreign" foreign key ("connection_id") references "connections" ("id") on update cascade;`);

    this.addSql(`alter table "repair_events" add constraint "repair_events_repair_id_foreign" foreign key ("repair_id") references "repairs" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "repair_events" drop constraint "repair_events_repair_id_foreign";`);

    this.addSql(`drop table if exists "notification_intents" cascade;`);

    this.addSql(`drop table if exists "pending_secrets" cascade;`);

    this.addSql(`drop table if exists "repairs" cascade;`);

    this.addSql(`drop table if exists "repair_events" cascade;`);
  }

}
