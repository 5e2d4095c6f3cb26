import { Migration } from '@mikro-orm/migrations';

// Reports are accepted by PostgreSQL before Temporal sees them: this index is what makes two
// concurrent reports for one connection join one repair instead of opening two.
export class Migration20261202010000_one_open_repair_per_connection extends Migration {

  override async up(): Promise<void> {
    // A stale open copy (its workflow gone) would block the index: the newest open one stays open.
    this.addSql(`update "repairs" set "resolved_at" = now(), "state" = 'repaired_elsewhere', "outcome" = 'repaired_elsewhere'
      where "resolved_at" is null and "id" not in (select distinct on ("connection_id") "id" from "repairs" where "resolved_at" is null order by "connection_id", "opened_at" desc);`);
    this.addSql(`create unique index "repairs_one_open_per_connection" on "repairs" ("connection_id") where "resolved_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "repairs_one_open_per_connection";`);
  }

}
