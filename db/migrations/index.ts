// Every migration, in order. `npm run migration:create -- name_with_underscores` writes a new file; add it here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123073800_initial_registry } from './Migration20261123073800_initial_registry.js';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123073800_initial_registry', class: Migration20261123073800_initial_registry },
];
