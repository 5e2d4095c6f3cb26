// The demo's cloud printer: Lavapiés · Bao Bros has a Star CloudPRNT printer, played by the printer
// sink, which polls the API like a printer behind a restaurant's router. The password exists only in
// the answer, so every start gives the printer a new one and hands it to the sink.
import type { CloudPrntSettings } from './sinks/cloudprnt-client.js';

export const DEMO_PRINTER_MAC = '00:11:62:de:e0:01';

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;
interface Credentials { id: string; username: string; password: string; cloudprntUrl: string }

export async function connectDemoPrinter(call: Call, orgId: string, printerSinkUrl: string): Promise<void> {
  const printers = (await call<{ items: { id: string; mac: string }[] }>('GET', `/v1/orgs/${orgId}/printers`)).items;
  const known = printers.find((p) => p.mac === DEMO_PRINTER_MAC);
  const stores = (await call<{ items: { id: string }[] }>('GET', `/v1/orgs/${orgId}/stores`)).items;
  const credentials = known
    ? await call<Credentials>('POST', `/v1/orgs/${orgId}/printers/${known.id}/password`)
    : await call<Credentials>('POST', `/v1/orgs/${orgId}/printers`, { storeId: stores[1]!.id, mac: DEMO_PRINTER_MAC });
  const settings: CloudPrntSettings = { url: credentials.cloudprntUrl, mac: DEMO_PRINTER_MAC, username: credentials.username, password: credentials.password, intervalMs: 2_000 };
  const res = await fetch(`${printerSinkUrl}/api/cloudprnt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
  if (!res.ok) throw new Error(`printer sink: ${res.status} ${await res.text()}`);
}
