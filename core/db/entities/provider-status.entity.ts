import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Whether a provider is degraded (a mass outage on its side), with the evidence of the decision. */
export const ProviderStatus = defineEntity({
  name: 'ProviderStatus',
  tableName: 'provider_status',
  properties: {
    provider: p.string().primary(),
    degraded: p.boolean(),
    since: p.datetime().nullable(),
    evidence: p.json<Record<string, unknown>>().nullable(),
    updatedAt: p.datetime(),
  },
});
export type ProviderStatusRow = InferEntity<typeof ProviderStatus>;
