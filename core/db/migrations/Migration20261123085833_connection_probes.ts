import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085833_connection_probes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "connections" add column "consecutive_probe_failures" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "connections" drop column "consecutive_probe_failures";`);
  }

}
