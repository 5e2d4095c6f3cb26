import { Migration } from '@mikro-orm/migrations';

// One row per organization whose notifier was woken for a window of alerts: in a mass outage only
// the window's first intent signals the notifier, the rest are collected from notification_intents.
export class Migration20261206180000_notifier_wakes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notifier_wakes" ("org_id" varchar(255) not null, "woken_at" timestamptz not null, constraint "notifier_wakes_pkey" primary key ("org_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifier_wakes" cascade;`);
  }
}
