import { Migration } from '@mikro-orm/migrations';

// Cloud printers (Star CloudPRNT) registered to stores, and the queue of tickets they fetch.
export class Migration20261206153000_cloudprnt_printers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "printers" ("id" varchar(255) not null, "org_id" varchar(255) not null, "store_id" varchar(255) not null, "mac" varchar(17) not null, "password_hash" varchar(64) not null, "codepage" text check ("codepage" in ('windows1252', 'cp858')) not null default 'windows1252', "poll_count" int not null default 0, "last_poll_at" timestamptz null, "last_status" varchar(80) null, "created_at" timestamptz not null, constraint "printers_pkey" primary key ("id"));`);
    this.addSql(`create index "printers_org_id_index" on "printers" ("org_id");`);
    this.addSql(`create index "printers_store_id_index" on "printers" ("store_id");`);
    this.addSql(`alter table "printers" add constraint "printers_mac_unique" unique ("mac");`);
    this.addSql(`alter table "printers" add constraint "printers_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);
    this.addSql(`alter table "printers" add constraint "printers_store_id_foreign" foreign key ("store_id") references "stores" ("id") on update cascade;`);

    this.addSql(`create table "print_jobs" ("id" varchar(255) not null, "printer_id" varchar(255) not null, "ticket_key" varchar(255) not null, "sealed_ticket" text not null, "state" text check ("state" in ('pending', 'printed', 'failed', 'expired')) not null, "status_code" varchar(80) null, "fetched_at" timestamptz null, "finished_at" timestamptz null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "print_jobs_pkey" primary key ("id"));`);
    this.addSql(`alter table "print_jobs" add constraint "print_jobs_ticket_key_unique" unique ("ticket_key");`);
    this.addSql(`create index "print_jobs_printer_id_state_created_at_index" on "print_jobs" ("printer_id", "state", "created_at");`);
    this.addSql(`alter table "print_jobs" add constraint "print_jobs_printer_id_foreign" foreign key ("printer_id") references "printers" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "print_jobs" cascade;`);
    this.addSql(`drop table if exists "printers" cascade;`);
  }

}
