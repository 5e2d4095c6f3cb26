// Entry of the API process: config → ORM → Temporal client → app → listen; closes cleanly on SIGINT/SIGTERM.
import { loadConfig } from '../config/config.js';
import { openOrm } from '../db/orm.js';
import { connectTemporalClient } from '../temporal/client.js';
import { buildApp } from './app.js';
import { listenOptions } from './listen.js';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set: start the API through `npm run dev`, or point it at a PostgreSQL server.');
  process.exit(1);
}
const orm = await openOrm(config.databaseUrl);
const temporal = await connectTemporalClient(config.temporal);
const app = await buildApp({ config, orm, temporal });

let closing = false;
async function close(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'closing');
  await app.close();
  await temporal.connection.close();
  await orm.close();
  process.exit(0);
}
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

await app.listen(listenOptions(config));
