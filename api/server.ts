// Entry of the API process: config → ORM → Temporal client → app → listen; closes cleanly on SIGINT/SIGTERM.
import { loadConfigOrExit } from '../core/config/config.js';
import { openOrm } from '../core/db/orm.js';
import { connectTemporalClient } from '../core/temporal/client.js';
import { buildApp } from './app.js';
import { createMetricsRegistry, startMetricsServer, type MetricsServer } from '../core/metrics/metrics-server.js';
import { listenOptions } from './listen.js';

const config = loadConfigOrExit();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set: start the API through `npm run dev`, or point it at a PostgreSQL server.');
  process.exit(1);
}
const orm = await openOrm(config.databaseUrl);
const temporal = await connectTemporalClient(config.temporal);
const registry = createMetricsRegistry('repair-api');
const app = await buildApp({ config, orm, temporal, metrics: registry });
let metrics: MetricsServer | undefined;

let closing = false;
async function close(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'closing');
  await app.close();
  await metrics?.close();
  await temporal.connection.close();
  await orm.close();
  process.exit(0);
}
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

await app.listen(listenOptions(config));
metrics = await startMetricsServer(registry, config.metrics);
app.log.info(`metrics on ${metrics.url}/metrics`);
