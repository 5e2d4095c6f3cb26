// Entry of the provider sandbox process: SANDBOX_PORT (4010) on SANDBOX_HOST (127.0.0.1).
import { buildSandbox } from './app.js';
import { sandboxOptionsFromEnv } from './sandbox-options.js';

const port = Number(process.env.SANDBOX_PORT || 4010);
const host = process.env.SANDBOX_HOST || '127.0.0.1';
const app = buildSandbox(sandboxOptionsFromEnv(process.env));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

const url = await app.listen({ port, host });
console.log(`provider sandbox listening on ${url}`);
