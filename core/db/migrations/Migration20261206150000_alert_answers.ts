import { Migration } from '@mikro-orm/migrations';

// Answers to alerts: who took a repair in hand and when, numbers that texted STOP (no SMS until START),
// and calls in the delivery log (the emergency escalation calls its contacts).
export class Migration20261206150000_alert_answers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "repairs" add column "acknowledged_by" varchar(255) null, add column "acknowledged_at" timestamptz null;`);
    this.addSql(`create table "sms_opt_outs" ("phone" varchar(32) not null, "keyword" varchar(32) not null, "created_at" timestamptz not null, constraint "sms_opt_outs_pkey" primary key ("phone"));`);
    this.addSql(`alter table "notifications" drop constraint if exists "messages_channel_check";`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_channel_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_channel_check" check ("channel" in ('email', 'sms', 'ticket', 'call'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_channel_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_channel_check" check ("channel" in ('email', 'sms', 'ticket'));`);
    this.addSql(`drop table if exists "sms_opt_outs" cascade;`);
    this.addSql(`alter table "repairs" drop column "acknowledged_by", drop column "acknowledged_at";`);
  }

}
