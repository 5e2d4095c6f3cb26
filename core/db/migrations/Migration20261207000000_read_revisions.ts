import { Migration } from '@mikro-orm/migrations';

// An organization's read revision: a number that every committed write to its repairs or stores
// moves, so an API process may keep a page of the repair list and serve it while the number stands
// (core/services/repairs/repair-list-cache.ts). The numbers come from one sequence: never reused, also
// after a table is emptied. The triggers are deferred to the commit, so a transaction holds the
// organization's row only for its last moment, not while it works (a mass outage writes one
// organization's repairs from many transactions at once).
export class Migration20261207000000_read_revisions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "read_revision_seq";`);
    this.addSql(`create table "read_revisions" ("org_id" varchar(255) not null, "revision" bigint not null, constraint "read_revisions_pkey" primary key ("org_id"));`);
    this.addSql(`create function "bump_read_revision"(org varchar) returns void language sql as $$
      insert into read_revisions (org_id, revision) values (org, nextval('read_revision_seq'))
      on conflict (org_id) do update set revision = excluded.revision
    $$;`);
    this.addSql(`create function "read_revision_row_written"() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then perform bump_read_revision(old.org_id); end if;
        if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.org_id is distinct from old.org_id) then perform bump_read_revision(new.org_id); end if;
        return null;
      end
    $$;`);
    // TRUNCATE fires no row trigger: every organization's revision moves.
    this.addSql(`create function "read_revision_truncated"() returns trigger language plpgsql as $$
      begin
        insert into read_revisions (org_id, revision) select id, nextval('read_revision_seq') from orgs
        on conflict (org_id) do update set revision = excluded.revision;
        return null;
      end
    $$;`);
    for (const table of ['repairs', 'stores']) {
      this.addSql(`create constraint trigger "${table}_read_revision" after insert or update or delete on "${table}" deferrable initially deferred for each row execute function read_revision_row_written();`);
      this.addSql(`create trigger "${table}_read_revision_truncate" after truncate on "${table}" for each statement execute function read_revision_truncated();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['repairs', 'stores']) {
      this.addSql(`drop trigger if exists "${table}_read_revision" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_read_revision_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists "read_revision_truncated"();`);
    this.addSql(`drop function if exists "read_revision_row_written"();`);
    this.addSql(`drop function if exists "bump_read_revision"(varchar);`);
    this.addSql(`drop table if exists "read_revisions" cascade;`);
    this.addSql(`drop sequence if exists "read_revision_seq";`);
  }
}
