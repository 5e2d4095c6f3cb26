import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085458_store_sales_profile extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "stores" add column "sales_profile" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stores" drop column "sales_profile";`);
  }

}
