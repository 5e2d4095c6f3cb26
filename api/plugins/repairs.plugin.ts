import fp from 'fastify-plugin';
import type { AppConfig } from '../../core/config/config.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { RepairActions } from '../../core/services/repairs/repair-actions.js';
import type { StartRepairContext } from '../../core/services/repairs/start-repair.js';
import type { TicketSettings } from '../../core/services/tickets/ticket-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    repairActions: RepairActions;
    repairStart: StartRepairContext;
    ticketSettings: TicketSettings;
  }
}

/** The repair services that routes and pages share. */
export const repairsPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    const secretBox = new SecretBox(config.secretKeys.keys, config.secretKeys.current);
    app.decorate('repairActions', new RepairActions({ temporal: app.temporal, secretBox }));
    app.decorate('repairStart', { temporal: app.temporal, taskQueue: config.temporal.taskQueue, timings: config.repairTimings });
    app.decorate('ticketSettings', { temporal: app.temporal, taskQueue: config.temporal.taskQueue, ...config.tickets });
  },
  { name: 'repairs', dependencies: ['temporal'] },
);
