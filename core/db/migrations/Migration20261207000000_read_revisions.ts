import { Migration } from '@mikro-orm/migrations';

// An organization's read revision: a value that every committed write to what its repair list and
// repair details show moves (its repairs and their history, alert intents and messages; its stores,
// locations, brands, users, contacts, connections and the organization itself), so an API process may keep an answer
// and serve it while the revision stands (core/services/repairs/kept-answers.ts). A revision is a random
// UUID: never met again, also after a table is emptied or the database restored to an earlier point
// (a sequence would hand out its numbers again). The triggers are deferred to the commit,
// so a transaction holds the organization's row only for its last moment, not while it works (a mass
// outage writes one organization's repairs from many transactions at once), and a transaction that
// already moved it does not move it again.
/** Each table an answer is kept from, and its column naming the organization (a repair's history goes through its repair). */
const ORG_COLUMNS = [
  ['repairs', 'org_id'], ['repair_events', 'repair_id'], ['notification_intents', 'org_id'], ['notifications', 'org'],
  ['stores', 'org_id'], ['locations', 'org_id'], ['brands', 'org_id'], ['users', 'org_id'], ['org_contacts', 'org_id'], ['connections', 'org_id'], ['orgs', 'id'],
] as const;

export class Migration20261207000000_read_revisions extends Migration {
  override async up(): Promise<void> {
    // `moved_by`: the transaction that set the revision (64 bits: never met again, unlike a row's xmin).
    this.addSql(`create table "read_revisions" ("org_id" varchar(255) not null, "revision" uuid not null, "moved_by" xid8 not null, constraint "read_revisions_pkey" primary key ("org_id"));`);
    // Every organization has a row from here on (an organization's insert makes it); answers of one without a row are not kept.
    this.addSql(`insert into read_revisions (org_id, revision, moved_by) select id, gen_random_uuid(), pg_current_xact_id() from orgs;`);
    this.addSql(`create function "bump_read_revision"(org varchar) returns void language sql as $$
      insert into read_revisions (org_id, revision, moved_by) values (org, gen_random_uuid(), pg_current_xact_id())
      on conflict (org_id) do update set revision = excluded.revision, moved_by = excluded.moved_by
      -- Moved already by this transaction: its revision is new and nobody has seen it yet.
      where read_revisions.moved_by <> excluded.moved_by
    $$;`);
    // The organization's column is the trigger's argument; a repair's history names only its repair.
    this.addSql(`create function "read_revision_row_written"() returns trigger language plpgsql as $$
      declare
        before_org varchar := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) ->> tg_argv[0] end;
        after_org varchar := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) ->> tg_argv[0] end;
      begin
        if before_org is not null then perform bump_read_revision(before_org); end if;
        if after_org is not null and after_org is distinct from before_org then perform bump_read_revision(after_org); end if;
        return null;
      end
    $$;`);
    this.addSql(`create function "read_revision_event_written"() returns trigger language plpgsql as $$
      begin
        perform bump_read_revision(r.org_id) from repairs r where r.id = (case when tg_op = 'DELETE' then old.repair_id else new.repair_id end);
        return null;
      end
    $$;`);
    // TRUNCATE fires no row trigger: every organization's revision moves.
    this.addSql(`create function "read_revision_truncated"() returns trigger language plpgsql as $$
      begin
        update read_revisions set revision = gen_random_uuid(), moved_by = pg_current_xact_id();
        return null;
      end
    $$;`);
    for (const [table, orgColumn] of ORG_COLUMNS) {
      const row = table === 'repair_events' ? 'read_revision_event_written()' : `read_revision_row_written('${orgColumn}')`;
      this.addSql(`create constraint trigger "${table}_read_revision" after insert or update or delete on "${table}" deferrable initially deferred for each row execute function ${row};`);
      this.addSql(`create trigger "${table}_read_revision_truncate" after truncate on "${table}" for each statement execute function read_revision_truncated();`);
    }
  }

  override async down(): Promise<void> {
    for (const [table] of ORG_COLUMNS) {
      this.addSql(`drop trigger if exists "${table}_read_revision" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_read_revision_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists "read_revision_truncated"();`);
    this.addSql(`drop function if exists "read_revision_event_written"();`);
    this.addSql(`drop function if exists "read_revision_row_written"();`);
    this.addSql(`drop function if exists "bump_read_revision"(varchar);`);
    this.addSql(`drop table if exists "read_revisions" cascade;`);
  }
}
