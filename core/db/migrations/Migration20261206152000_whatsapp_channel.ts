import { Migration } from '@mikro-orm/migrations';

// The delivery log gains the WhatsApp channel. The check came with the table when it was still
// "messages" and kept that name through the rename; it is replaced by one named after the table.
export class Migration20261206152000_whatsapp_channel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notifications" drop constraint if exists "messages_channel_check";`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_channel_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_channel_check" check ("channel" in ('email', 'sms', 'whatsapp', 'ticket', 'call'));`);
  }

  override async down(): Promise<void> {
    // WhatsApp rows cannot stay under the old check: they are dropped from the log with the channel.
    this.addSql(`delete from "notifications" where "channel" = 'whatsapp';`);
    this.addSql(`alter table "notifications" drop constraint if exists "notifications_channel_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_channel_check" check ("channel" in ('email', 'sms', 'ticket', 'call'));`);
  }
}
