// The printer sink as a Star CloudPRNT printer: it polls the API's /cloudprnt with its MAC and
// Basic credentials, fetches each ticket as ESC/POS (what the sink decodes), "prints" it into the
// sink's page and confirms it, as a restaurant's printer behind its router would.

export interface CloudPrntSettings {
  /** The API's CloudPRNT URL, e.g. http://127.0.0.1:3000/cloudprnt. */
  url: string;
  mac: string;
  username: string;
  password: string;
  /** Between two polls; real printers use 5 s by default. */
  intervalMs: number;
}

export interface CloudPrntStatus {
  url: string;
  mac: string;
  polls: number;
  lastPollAt: string | null;
  /** `jobReady false`, `job pjb_… printed`, or what went wrong (`401`, `connection refused`). */
  lastResult: string;
  printed: number;
}

export const ESC_POS_MEDIA_TYPE = 'application/vnd.escpos';

export interface CloudPrntClient {
  status: CloudPrntStatus;
  stop(): void;
}

export function startCloudPrntClient(settings: CloudPrntSettings, print: (bytes: Buffer, from: string) => void): CloudPrntClient {
  const status: CloudPrntStatus = { url: settings.url, mac: settings.mac, polls: 0, lastPollAt: null, lastResult: 'not polled yet', printed: 0 };
  const authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  const query = (params: Record<string, string>) => `${settings.url}?${new URLSearchParams({ mac: settings.mac, ...params })}`;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function printJob(token: string, mediaTypes: string[]): Promise<string> {
    // A printer that cannot read any offered type says so with an error code, as CloudPRNT has it.
    if (!mediaTypes.includes(ESC_POS_MEDIA_TYPE)) {
      await fetch(query({ token, code: '520 Media type not supported' }), { method: 'DELETE', headers: { authorization } });
      return `job ${token} refused (no ESC/POS offered)`;
    }
    const job = await fetch(query({ token, type: ESC_POS_MEDIA_TYPE }), { headers: { authorization } });
    if (!job.ok) return `job ${token} fetch answered ${job.status}`;
    print(Buffer.from(await job.arrayBuffer()), `cloudprnt ${settings.mac}`);
    const confirmed = await fetch(query({ token, code: '200 OK' }), { method: 'DELETE', headers: { authorization } });
    status.printed += 1;
    return `job ${token} printed (confirmation answered ${confirmed.status})`;
  }

  async function pollOnce(): Promise<string> {
    const res = await fetch(settings.url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ status: '23 86 0 0 0 0 0 0 0 ', printerMAC: settings.mac, statusCode: '200%20OK', printingInProgress: false }) });
    status.polls += 1;
    status.lastPollAt = new Date().toISOString();
    if (!res.ok) return `poll answered ${res.status}`;
    const answer = (await res.json()) as { jobReady: boolean; mediaTypes?: string[]; jobToken?: string };
    return answer.jobReady && answer.jobToken ? printJob(answer.jobToken, answer.mediaTypes ?? []) : 'jobReady false';
  }

  const loop = async () => {
    try {
      status.lastResult = await pollOnce();
    } catch (error) {
      status.lastResult = `could not reach the API (${error instanceof Error ? error.message : String(error)})`;
    }
    if (!stopped) timer = setTimeout(loop, settings.intervalMs);
  };
  void loop();
  return {
    status,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
