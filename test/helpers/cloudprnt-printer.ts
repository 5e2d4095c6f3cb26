// A registered cloud printer as tests drive it: the three CloudPRNT requests over a real socket,
// with the printer's Basic credentials (or others a test wants to try).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { auth } from './api.js';

export interface RegisteredPrinter {
  id: string;
  mac: string;
  username: string;
  password: string;
  cloudprntUrl: string;
}

export const randomMac = () => ['00', '11', '62', ...[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

export async function registerPrinter(app: FastifyInstance, orgId: string, storeId: string, mac = randomMac()): Promise<RegisteredPrinter> {
  const res = await app.inject({ method: 'POST', url: `/v1/orgs/${orgId}/printers`, headers: auth(), payload: { storeId, mac } });
  if (res.statusCode !== 201) throw new Error(`register printer: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface Credentials {
  username: string;
  password: string;
}

/** The printer's side of the conversation, against `baseUrl` (the API listening on a socket). */
export function printerClient(baseUrl: string, printer: { mac: string } & Credentials) {
  const headers = (c: Credentials | null): Record<string, string> => (c ? { authorization: basic(c.username, c.password) } : {});
  return {
    poll: (body: object = {}, as: Credentials | null = printer) =>
      fetch(`${baseUrl}/cloudprnt`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers(as) }, body: JSON.stringify({ status: '23 86 0 0 0 0 0 0 0 ', printerMAC: printer.mac, statusCode: '200%20OK', printingInProgress: false, ...body }) }),
    fetchJob: (token: string, type: string, as: Credentials | null = printer, mac = printer.mac) =>
      fetch(`${baseUrl}/cloudprnt?${new URLSearchParams({ mac, type, token })}`, { headers: headers(as) }),
    confirm: (token: string, code: string, as: Credentials | null = printer, mac = printer.mac) =>
      fetch(`${baseUrl}/cloudprnt?${new URLSearchParams({ mac, code, token })}`, { method: 'DELETE', headers: headers(as) }),
  };
}

export const storesOf = async (app: FastifyInstance, orgId: string): Promise<string[]> =>
  ((await app.inject({ method: 'GET', url: `/v1/orgs/${orgId}/stores`, headers: auth() })).json() as { items: { id: string }[] }).items.map((s) => s.id);
