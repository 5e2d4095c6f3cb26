import { Client, Connection } from '@temporalio/client';
import type { TemporalSettings } from '../config/config.js';
import { connectionOptions } from './connection-options.js';

export async function connectTemporalClient(settings: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(settings));
  return new Client({ connection, namespace: settings.namespace });
}
