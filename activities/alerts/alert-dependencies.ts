// What the alert activities are built from (the worker passes its activity dependencies).
import type { Orm } from '../../core/db/orm.js';
import type { AlertChannels } from './alert-channels.js';

export interface AlertDependencies {
  orm: Orm;
  channels: AlertChannels;
  publicUrl: string;
  linkKey: Buffer;
}
