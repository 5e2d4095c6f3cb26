import { Migration } from '@mikro-orm/migrations';

export class Migration20261123073800_initial_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orgs" ("id" varchar(255) not null, "name" varchar(255) not null, "locale" varchar(5) not null, "timezone" varchar(255) not null, "environment" text check ("environment" in ('sandbox', 'production')) not null, "created_at" timestamptz not null, constraint "orgs_pkey" primary key ("id"));`);

    this.addSql(`create table "locations" ("id" varchar(255) not null, "org_id" varchar(255) not null, "name" varchar(255) not null, "timezone" varchar(255) null, "created_at" timestamptz not null, constraint "locations_pkey" primary key ("id"));`);
    this.addSql(`create index "locations_org_id_index" on "locations" ("org_id");`);

    this.addSql(`create table "connections" ("id" varchar(255) not null, "org_id" varchar(255) not null, "provider" varchar(255) not null, "account_ref" varchar(255) not null, "self_repairable" boolean not null, "status" text check ("status" in ('healthy', 'needs_attention')) not null default 'healthy', "store_ids" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "connections_pkey" primary key ("id"));`);
    this.addSql(`create index "connections_org_id_index" on "connections" ("org_id");`);
    this.addSql(`alter table "connections" add constraint "connections_org_id_provider_account_ref_unique" unique ("org_id", "provider", "account_ref");`);

    this.addSql(`create table "brands" ("id" varchar(255) not null, "org_id" varchar(255) not null, "name" varchar(255) not null, "created_at" timestamptz not null, constraint "brands_pkey" primary key ("id"));`);
    this.addSql(`create index "brands_org_id_index" on "brands" ("org_id");`);

    this.addSql(`create table "stores" ("id" varchar(255) not null, "org_id" varchar(255) not null, "location_id" varchar(255) not null, "brand_id" varchar(255) not null, "created_at" timestamptz not null, constraint "stores_pkey" primary key ("id"));`);
    this.addSql(`create index "stores_org_id_index" on "stores" ("org_id");`);
    this.addSql(`alter table "stores" add constraint "stores_location_id_brand_id_unique" unique ("location_id", "brand_id");`);

    this.addSql(`create table "users" ("id" varchar(255) not null, "org_id" varchar(255) not null, "email" varchar(255) not null, "name" varchar(255) null, "phone" varchar(255) null, "locale" varchar(5) null, "permissions" jsonb not null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`create index "users_org_id_index" on "users" ("org_id");`);
    this.addSql(`alter table "users" add constraint "users_org_id_email_unique" unique ("org_id", "email");`);

    this.addSql(`alter table "locations" add constraint "locations_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);

    this.addSql(`alter table "connections" add constraint "connections_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);

    this.addSql(`alter table "brands" add constraint "brands_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);

    this.addSql(`alter table "stores" add constraint "stores_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);
    this.addSql(`alter table "stores" add constraint "stores_location_id_foreign" foreign key ("location_id") references "locations" ("id") on update cascade;`);
    this.addSql(`alter table "stores" add constraint "stores_brand_id_foreign" foreign key ("brand_id") references "brands" ("id") on update cascade;`);

    this.addSql(`alter table "users" add constraint "users_org_id_foreign" foreign key ("org_id") references "orgs" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "locations" drop constraint "locations_org_id_foreign";`);

    this.addSql(`alter table "connections" drop constraint "connections_org_id_foreign";`);

    this.addSql(`alter table "brands" drop constraint "brands_org_id_foreign";`);

    this.addSql(`alter table "stores" drop constraint "stores_org_id_foreign";`);

    this.addSql(`alter table "users" drop constraint "users_org_id_foreign";`);

    this.addSql(`alter table "stores" drop constraint "stores_location_id_foreign";`);

    this.addSql(`alter table "stores" drop constraint "stores_brand_id_foreign";`);

    this.addSql(`drop table if exists "orgs" cascade;`);

    this.addSql(`drop table if exists "locations" cascade;`);

    this.addSql(`drop table if exists "connections" cascade;`);

    this.addSql(`drop table if exists "brands" cascade;`);

    this.addSql(`drop table if exists "stores" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);
  }

}
