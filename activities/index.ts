// Activities are built from their dependencies, never from module singletons.
import type { Orm } from '../db/orm.js';

export interface ActivityDependencies {
  orm: Orm;
}

export function createActivities(_deps: ActivityDependencies) {
  return {};
}

export type Activities = ReturnType<typeof createActivities>;
