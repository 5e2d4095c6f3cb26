import { Migration } from '@mikro-orm/migrations';

// Planned closures per location; alert intents held until a closure ends; who confirmed the contact
// details and when. (idempotency_keys has no entity: the generated drop was removed.)
export class Migration20261206151000_closures_and_contact_confirmation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "location_closures" ("id" varchar(255) not null, "org_id" varchar(255) not null, "location_id" varchar(255) not null, "reason" text check ("reason" in ('holiday', 'renovation', 'other')) not null, "note" varchar(200) null, "starts_local" varchar(16) not null, "ends_local" varchar(16) not null, "timezone" varchar(255) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_by" varchar(255) null, "created_at" timestamptz not null, constraint "location_closures_pkey" primary key ("id"));`);
    this.addSql(`create index "location_closures_location_id_ends_at_index" on "location_closures" ("location_id", "ends_at");`);
    this.addSql(`create index "location_closures_org_id_ends_at_index" on "location_closures" ("org_id", "ends_at");`);

    this.addSql(`alter table "location_closures" add constraint "location_closures_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);
    this.addSql(`alter table "location_closures" add constraint "location_closures_location_id_foreign" foreign key ("location_id") references "locations" ("id") on update cascade;`);

    this.addSql(`alter table "notification_intents" add column "send_after" timestamptz null;`);
    this.addSql(`create index "notification_intents_org_id_status_send_after_index" on "notification_intents" ("org_id", "status", "send_after");`);

    this.addSql(`alter table "org_contacts" add column "confirmed_at" timestamptz null, add column "confirmed_by" varchar(255) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "location_closures" cascade;`);

    this.addSql(`drop index "notification_intents_org_id_status_send_after_index";`);
    this.addSql(`alter table "notification_intents" drop column "send_after";`);

    this.addSql(`alter table "org_contacts" drop column "confirmed_at", drop column "confirmed_by";`);
  }

}
