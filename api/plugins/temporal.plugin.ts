import fp from 'fastify-plugin';
import type { Client } from '@temporalio/client';
import type { TemporalSettings } from '../../core/config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: Client;
    temporalSettings: TemporalSettings;
  }
}

export const temporalPlugin = fp<{ client: Client; settings: TemporalSettings }>(
  async (app, { client, settings }) => {
    app.decorate('temporal', client);
    app.decorate('temporalSettings', settings);
  },
  { name: 'temporal' },
);
