import { Migration } from '@mikro-orm/migrations';

// Every reply Twilio forwarded, by its MessageSid: Twilio's signature has no timestamp or nonce, so a
// captured request would otherwise act again (a fresh LINK, an old "1" taking a new repair, STOP).
export class Migration20261206170000_twilio_inbound_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "twilio_inbound_messages" ("message_sid" varchar(34) not null, "received_at" timestamptz not null, constraint "twilio_inbound_messages_pkey" primary key ("message_sid"));`);
    this.addSql(`create index "twilio_inbound_messages_received_at_index" on "twilio_inbound_messages" ("received_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "twilio_inbound_messages" cascade;`);
  }
}
