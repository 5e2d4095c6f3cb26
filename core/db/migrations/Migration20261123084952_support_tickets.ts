import { Migration } from '@mikro-orm/migrations';

export class Migration20261123084952_support_tickets extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "support_tickets" ("id" varchar(255) not null, "org" varchar(255) not null, "repair_id" varchar(255) null, "connection_id" varchar(255) null, "error_type" varchar(255) null, "subject" text not null, "state" text check ("state" in ('open', 'waiting_on_merchant', 'closed')) not null, "context" jsonb not null, "created_by" varchar(255) null, "first_response_due_at" timestamptz null, "first_responded_at" timestamptz null, "sla_breached_at" timestamptz null, "state_history" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "closed_at" timestamptz null, constraint "support_tickets_pkey" primary key ("id"));`);
    this.addSql(`create index "support_tickets_org_state_index" on "support_tickets" ("org", "state");`);
    this.addSql(`create index "support_tickets_connection_id_index" on "support_tickets" ("connection_id");`);

    this.addSql(`create table "ticket_messages" ("id" varchar(255) not null, "ticket_id" varchar(255) not null, "author" text check ("author" in ('merchant', 'agent', 'system')) not null, "author_id" varchar(255) null, "body" text not null, "created_at" timestamptz not null, constraint "ticket_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "ticket_messages_ticket_id_created_at_index" on "ticket_messages" ("ticket_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_tickets" cascade;`);

    this.addSql(`drop table if exists "ticket_messages" cascade;`);
  }

}
