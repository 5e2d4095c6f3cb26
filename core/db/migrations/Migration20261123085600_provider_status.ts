import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085600_provider_status extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "provider_status" ("provider" varchar(255) not null, "degraded" boolean not null, "since" timestamptz null, "evidence" jsonb null, "updated_at" timestamptz not null, constraint "provider_status_pkey" primary key ("provider"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "provider_status" cascade;`);
  }

}
