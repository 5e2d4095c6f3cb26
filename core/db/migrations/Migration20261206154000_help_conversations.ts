import { Migration } from '@mikro-orm/migrations';

// Conversations with the help assistant (follow-ups keep their topic; "Talk to a person" hands the
// transcript to a ticket). Rows expire a day after their last question and are swept on write.
export class Migration20261206154000_help_conversations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "help_conversations" ("id" varchar(255) not null, "scope" varchar(255) not null, "org_id" varchar(255) null, "user_id" varchar(255) null, "turns" jsonb not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "help_conversations_pkey" primary key ("id"));`);
    this.addSql(`create index "help_conversations_expires_at_index" on "help_conversations" ("expires_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "help_conversations" cascade;`);
  }

}
