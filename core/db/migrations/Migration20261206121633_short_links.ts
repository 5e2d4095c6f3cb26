import { Migration } from '@mikro-orm/migrations';

// Short codes for the links in SMS (`/r/<code>`): one row per code, keyed by the code's hash, expiring
// with the signed link it stands for. (idempotency_keys has no entity: the generated drop was removed.)
export class Migration20261206121633_short_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "short_links" ("code_hash" varchar(64) not null, "repair_id" varchar(255) not null, "user_id" varchar(255) null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "short_links_pkey" primary key ("code_hash"));`);
    this.addSql(`create index "short_links_expires_at_index" on "short_links" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "short_links" cascade;`);
  }

}
