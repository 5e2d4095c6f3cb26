import { Migration } from '@mikro-orm/migrations';

// What each Idempotency-Key was first used for (core/services/repairs/idempotency-keys.ts): digests only,
// never the key or the body; rows older than a day are swept as new keys arrive.
export class Migration20261203180000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_keys" ("scope" varchar(64) not null, "fingerprint" varchar(64) not null, "created_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("scope"));`);
    this.addSql(`create index "idempotency_keys_created_at_index" on "idempotency_keys" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
  }
}
