export * from './brand.entity.js';
export * from './connection.entity.js';
export * from './location.entity.js';
export * from './org.entity.js';
export * from './store.entity.js';
export * from './user.entity.js';

import { Brand } from './brand.entity.js';
import { Connection } from './connection.entity.js';
import { Location } from './location.entity.js';
import { Org } from './org.entity.js';
import { Store } from './store.entity.js';
import { User } from './user.entity.js';

/** Every entity, for the ORM configuration. */
export const ALL_ENTITIES = [Org, User, Location, Brand, Store, Connection];
