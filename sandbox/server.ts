// Entry of the provider sandbox process (port SANDBOX_PORT, 4010 by default).
import { buildSandbox } from './app.js';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
const app = buildSandbox();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
const url = await app.listen({ port, host });
console.log(`provider sandbox listening on ${url}`);
