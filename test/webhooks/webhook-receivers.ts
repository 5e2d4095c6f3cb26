// Webhook receivers for tests: one HTTP server, one path per subscriber, each answering 204 or,
// while marked dead, 500; every request is recorded with its event id and answer.
import { createServer, type Server } from 'node:http';

export interface ReceivedEvent {
  path: string;
  eventId: string;
  type: string;
  status: number;
}

export interface WebhookReceivers {
  url(path: string): string;
  received: ReceivedEvent[];
  /** Paths answering 500 until removed. */
  dead: Set<string>;
  close(): Promise<void>;
}

export async function startWebhookReceivers(): Promise<WebhookReceivers> {
  const received: ReceivedEvent[] = [];
  const dead = new Set<string>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = dead.has(path) ? 500 : 204;
      const event = JSON.parse(body) as { id: string; type: string };
      received.push({ path, eventId: event.id, type: event.type, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    dead,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
