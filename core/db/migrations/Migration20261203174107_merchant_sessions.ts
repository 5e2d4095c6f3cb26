import { Migration } from '@mikro-orm/migrations';

// Merchant-page sessions live server-side so sign-out and a backend's "end every session" take effect
// at once; the cookie keeps only the session's id.
export class Migration20261203174107_merchant_sessions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "merchant_sessions" ("id" varchar(255) not null, "user_id" varchar(255) null, "repair_id" varchar(255) null, "expires_at" timestamptz not null, "ended_at" timestamptz null, "created_at" timestamptz not null, constraint "merchant_sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "merchant_sessions_user_id_index" on "merchant_sessions" ("user_id");`);
    this.addSql(`create index "merchant_sessions_expires_at_index" on "merchant_sessions" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "merchant_sessions" cascade;`);
  }

}
