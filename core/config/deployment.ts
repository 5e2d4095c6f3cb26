// Which deployment a process runs as. Production unless `npm run dev` (dev/launcher.ts) or the test
// harness says development with REPAIR_ENV=development: a start script that forgets a setting must
// refuse to start, never fall back to a development secret. NODE_ENV is not consulted (libraries set
// and read it for their own reasons).
import { ConfigError } from './env-readers.js';

export type Deployment = 'development' | 'production';

/** What production must be told; development has a local default for each. */
export const PRODUCTION_SETTINGS = [
  'DATABASE_URL',
  'TEMPORAL_ADDRESS',
  'API_KEYS',
  'SECRETS_KEYS',
  'PUBLIC_URL',
  'PROVIDER_BASE_URL',
  'PROVIDER_PARTNER_KEY',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
  'SMTP_URL',
  'MAIL_FROM',
] as const;

/** Every missing production setting, named in one message. */
export class MissingSettingsError extends ConfigError {
  constructor(readonly variables: string[]) {
    super(variables[0]!, 'missing');
    this.message = `Production settings missing: ${variables.join(', ')}. Set them (README, "Settings"), or run development with \`npm run dev\`.`;
    this.name = 'MissingSettingsError';
  }
}

export function readDeployment(env: NodeJS.ProcessEnv): Deployment {
  const value = env.REPAIR_ENV || 'production';
  if (value !== 'development' && value !== 'production') throw new ConfigError('REPAIR_ENV', `expected development or production, got "${value}"`);
  return value;
}

export function assertProductionSettings(env: NodeJS.ProcessEnv): void {
  const missing = PRODUCTION_SETTINGS.filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new MissingSettingsError(missing);
}
