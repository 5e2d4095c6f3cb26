import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084327_webhooks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_deliveries" ("id" varchar(255) not null, "event_id" varchar(255) not null, "subscription_id" varchar(255) not null, "type" varchar(255) not null, "stream_key" varchar(255) not null, "payload" jsonb not null, "status" text check ("status" in ('pending', 'delivered', 'failed')) not null, "attempts" int not null default 0, "last_status_code" int null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_subscription_id_created_at_index" on "webhook_deliveries" ("subscription_id", "created_at");`);

    this.addSql(`create table "webhook_subscriptions" ("id" varchar(255) not null, "url" text not null, "events" jsonb not null, "org_id" varchar(255) null, "secrets" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "webhook_subscriptions_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_subscriptions" cascade;`);
  }

}
