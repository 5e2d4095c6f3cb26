// Organizations with complete contacts, stores and connections, created through the public API.
import type { BenchLane } from './bench-lane.js';
import { inPool } from './bench-pool.js';

export const PROVIDERS = ['uber_eats', 'doordash', 'deliveroo', 'glovo', 'just_eat'] as const;

export interface SeededConnection {
  id: string;
  orgId: string;
  provider: (typeof PROVIDERS)[number];
}

export async function seedMerchants(
  stack: BenchLane,
  shape: { label: string; orgs: number; connectionsPerOrg: number; storesPerConnection: number },
): Promise<{ orgIds: string[]; connections: SeededConnection[] }> {
  const post = async (path: string, body: unknown, method = 'POST') => {
    const res = await fetch(stack.api + path, { method, headers: stack.headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const orgs: { id: string; brandId: string; tag: string }[] = [];
  await inPool(Array.from({ length: shape.orgs }, (_, o) => o), 8, async (o) => {
    const tag = `${shape.label}-${o}`;
    const org = await post('/v1/orgs', { name: `Bench ${tag}`, locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
    const user = await post(`/v1/orgs/${org.id}/users`, { email: `owner-${tag}@example.com`, phone: `+346${String(Math.abs(hash(tag)) % 1e8).padStart(8, '0')}`, permissions: ['integrations:reconnect'] });
    const person = (role: string) => [{ name: role, email: `${role}-${tag}@example.com` }];
    await post(`/v1/orgs/${org.id}/contacts`, {
      alertContacts: [{ userId: user.id }],
      emergencyTechnical: person('oncall'),
      nonEmergencyTechnical: person('tech'),
      merchantOperations: person('ops'),
      platformOperations: person('platform'),
      userFacingOperations: { email: `help-${tag}@example.com` },
      supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', timezone: 'Europe/Madrid' }],
    }, 'PUT');
    orgs[o] = { id: org.id, brandId: (await post(`/v1/orgs/${org.id}/brands`, { name: 'Brand' })).id, tag };
  });
  const slots = orgs.flatMap((org) => Array.from({ length: shape.connectionsPerOrg }, (_, c) => ({ org, c })));
  const connections: SeededConnection[] = new Array(slots.length);
  await inPool(slots, 32, async ({ org, c }, index) => {
    const storeIds: string[] = [];
    for (let s = 0; s < shape.storesPerConnection; s += 1) {
      const location = await post(`/v1/orgs/${org.id}/locations`, { name: `Local ${c}-${s}` });
      storeIds.push((await post(`/v1/orgs/${org.id}/stores`, { locationId: location.id, brandId: org.brandId })).id);
    }
    const provider = PROVIDERS[c % PROVIDERS.length]!;
    connections[index] = { id: (await post('/v1/connections', { orgId: org.id, provider, accountRef: `${org.tag}-${c}`, storeIds })).id, orgId: org.id, provider };
  });
  const orgIds = orgs.map((o) => o.id);
  return { orgIds, connections };
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
