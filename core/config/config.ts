// Configuration is read and validated once, at start; everything else receives the typed result.
import { resolve } from 'node:path';
import { loadSecretKeys, type SecretKeys } from '../secrets/load-secret-keys.js';
import { assertProductionSettings, readDeployment } from './deployment.js';
import { ConfigError, readInt, readString, readUrl } from './env-readers.js';
import { loadRepairTimings, type RepairTimings } from './repair-timings.js';
import { readCloudPrinting, type CloudPrintingSettings } from './cloud-printing.js';
import { DEFAULT_CONFIRM_EVERY_DAYS } from './contacts-confirmation-setting.js';
import { readWorkerDeployment, type WorkerDeploymentVersionSetting } from './worker-deployment.js';
import { readWhatsApp, type WhatsAppSettings } from './whatsapp-settings.js';
import { parseOutboundAllow, type OutboundAllowEntry } from '../../activities/outbound/outbound-policy.js';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Temporal Cloud API key; enables TLS. */
  apiKey?: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | true;
  /** True when no TEMPORAL_ADDRESS was given: the launcher starts a local dev server. */
  local: boolean;
  /** TEMPORAL_DEPLOYMENT_NAME + TEMPORAL_BUILD_ID: the worker's Worker Deployment version; unversioned when unset. */
  workerDeployment?: WorkerDeploymentVersionSetting;
}

export interface ApiKeySetting {
  key: string;
  role: 'service' | 'agent';
}

export interface AppConfig {
  host: string;
  port: number;
  /** Where the API's Prometheus metrics listen (not the public port). */
  metrics: { host: string; port: number };
  /** Connections the kernel queues before the API accepts them (LISTEN_BACKLOG). */
  listenBacklog: number;
  publicUrl: string;
  /** Behind a load balancer: whose X-Forwarded-* headers to believe (client address for rate limits, https). */
  trustProxy: boolean | string;
  dataDir: string;
  /** Set when an external PostgreSQL is used; otherwise the launcher starts an embedded one. */
  databaseUrl?: string;
  temporal: TemporalSettings;
  apiKeys: ApiKeySetting[];
  logLevel: string;
  /** Encrypts passwords and codes between the API and the pairing activity. */
  secretKeys: SecretKeys;
  /** Internal destinations webhooks and printers may reach anyway (OUTBOUND_ALLOW; development's local sinks). Empty unless set. */
  outboundAllow: OutboundAllowEntry[];
  /** Where the connectors reach providers (the provider sandbox by default). */
  providers: { baseUrl: string; partnerKey: string; timeoutMs: number };
  repairTimings: RepairTimings;
  /** Alerts of one organization within this window go out as one grouped message. */
  alertWindowMs: number;
  /** Days after which the organization is asked to confirm its contact details (CONTACTS_CONFIRM_EVERY_DAYS). */
  contactsConfirmEveryDays: number;
  /** A channel that is down is retried this way before its alert messages are recorded failed. */
  alertRetry: { initialIntervalMs: number; maximumAttempts: number };
  /** First retry delay of a failing webhook delivery (doubling up to an hour, for a day). */
  webhookRetryInitialMs: number;
  /** How long one webhook delivery is retried before it is recorded failed (redeliverable). */
  webhookRetryForMs: number;
  tickets: { firstResponseBusinessHours: number; autoCloseAfterMs: number; reopenWindowMs: number };
  /** Proactive health checks: a Temporal Schedule per provider. */
  probes: { enabled: boolean; intervalMs: number; jitterMs: number; batchSize: number; failuresBeforeRepair: number; checksPerSecond: Record<string, number> };
  /** A provider is degraded when this many connections fail with provider_unavailable within the window. */
  outage: { threshold: number; windowMs: number; recheckMs: number };
  /** Worker capacity: bounded workflow cache (evicted repairs replay when they wake) and task slots. */
  worker: {
    maxCachedWorkflows: number;
    workflowTaskSlots: number;
    activitySlots: number;
    databasePoolMax: number;
    /** The worker's own metrics (repair_*) on `port`, the Temporal SDK's (temporal_*) on `sdkPort`, both on `host`. */
    metrics: { host: string; port: number; sdkPort: number };
  };
  cloudPrinting: CloudPrintingSettings;
  /** The merchant pages: who may sign in how, and how long a session lasts. */
  pages: { devSignIn: boolean; sessionTtlSeconds: number; secureCookies: boolean; /** Development with the local sandbox: its console (the demo merchant's login, phone and portal). */ sandboxConsoleUrl: string | null };
  /** Real Twilio and SMTP in production; the local sinks (started by the launcher) otherwise. */
  channels: {
    twilio: { accountSid: string; authToken: string; from: string; apiBaseUrl?: string; statusCallbackUrl: string };
    /** Through the same Twilio account; null when production names no WhatsApp sender. */
    whatsapp: WhatsAppSettings | null;
    smtpUrl: string;
    mailFrom: string;
  };
}

export const DEFAULT_DEV_API_KEY = 'dev-repair-key';

/** The support ticket policy unless configured; every text that quotes it reads the configured value. */
export const TICKET_DEFAULTS = { firstResponseBusinessHours: 24, autoCloseAfterMs: 72 * 3600_000 } as const;

/** The local SMS sink and the product agree on these without any setting. */
export const DEV_TWILIO = { accountSid: 'AC00000000000000000000000000000dev', authToken: 'dev-twilio-auth-token' } as const;

/** Parses `key:role` pairs from API_KEYS; DEV_API_KEY (or its default) is added outside production. */
function readApiKeys(env: NodeJS.ProcessEnv, production: boolean): ApiKeySetting[] {
  const keys: ApiKeySetting[] = [];
  for (const entry of (env.API_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, role = 'service'] = entry.split(':');
    if (!key || key.length < 12) throw new ConfigError('API_KEYS', 'each key must have at least 12 characters');
    if (role !== 'service' && role !== 'agent') throw new ConfigError('API_KEYS', `unknown role "${role}" (service or agent)`);
    keys.push({ key, role });
  }
  // The dev key seeds the registry (the launcher's demo data), so it is a service key.
  if (!production) keys.push({ key: env.DEV_API_KEY || DEFAULT_DEV_API_KEY, role: 'service' });
  if (keys.length === 0) throw new ConfigError('API_KEYS', 'production needs at least one API key');
  return keys;
}

function readTemporal(env: NodeJS.ProcessEnv): TemporalSettings {
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const certPath = env.TEMPORAL_TLS_CERT || undefined;
  const keyPath = env.TEMPORAL_TLS_KEY || undefined;
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new ConfigError(certPath ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT', 'mTLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY');
  }
  const wantsTls = Boolean(apiKey || certPath || env.TEMPORAL_TLS === 'true');
  const tls = wantsTls
    ? certPath || env.TEMPORAL_TLS_CA || env.TEMPORAL_TLS_SERVER_NAME
      ? { certPath, keyPath, caPath: env.TEMPORAL_TLS_CA || undefined, serverName: env.TEMPORAL_TLS_SERVER_NAME || undefined }
      : (true as const)
    : undefined;
  return {
    address: env.TEMPORAL_ADDRESS || `127.0.0.1:${readInt(env, 'TEMPORAL_PORT', 7233)}`,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'repair',
    apiKey,
    tls,
    local: !env.TEMPORAL_ADDRESS,
    workerDeployment: readWorkerDeployment(env),
  };
}

/** "uber_eats=5,doordash=2": checks per second a provider tolerates (default 5). */
function readRateLimits(raw: string): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [provider, value] = entry.split('=');
    const n = Number(value);
    if (!provider || !Number.isFinite(n) || n <= 0) throw new ConfigError('PROBE_RATE_LIMITS', `expected provider=checksPerSecond pairs, got "${entry}"`);
    limits[provider] = n;
  }
  return limits;
}

/** Twilio and SMTP: production must name them (checked by assertProductionSettings); development points at the local sinks. */
function readChannels(env: NodeJS.ProcessEnv, production: boolean, publicUrl: string): AppConfig['channels'] {
  // The development token is public: a status callback signed with it proves nothing.
  if (production && env.TWILIO_AUTH_TOKEN === DEV_TWILIO.authToken) throw new ConfigError('TWILIO_AUTH_TOKEN', 'the development token is public; set the account\'s auth token');
  const sinkHost = readString(env, 'SINKS_HOST', '127.0.0.1');
  return {
    twilio: {
      accountSid: readString(env, 'TWILIO_ACCOUNT_SID', DEV_TWILIO.accountSid),
      authToken: readString(env, 'TWILIO_AUTH_TOKEN', DEV_TWILIO.authToken),
      from: readString(env, 'TWILIO_FROM', '+15005550006'),
      apiBaseUrl: env.TWILIO_API_BASE_URL || (env.TWILIO_ACCOUNT_SID ? undefined : `http://${sinkHost}:${readInt(env, 'SMS_SINK_PORT', 1090)}`),
      statusCallbackUrl: `${publicUrl.replace(/\/$/, '')}/v1/webhooks/twilio/status`,
    },
    whatsapp: readWhatsApp(env, production),
    smtpUrl: readString(env, 'SMTP_URL', `smtp://${sinkHost}:${readInt(env, 'MAIL_SINK_SMTP_PORT', 1025)}`),
    mailFrom: readString(env, 'MAIL_FROM', 'Repair alerts <alerts@repair.localhost>'),
  };
}

/** Validates once: in production (the default) every missing setting is named in one ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = readDeployment(env) === 'production';
  if (production) assertProductionSettings(env);
  const port = readInt(env, 'PORT', 3000);
  const host = readString(env, 'HOST', '127.0.0.1');
  const dataDir = resolve(readString(env, 'DATA_DIR', '.data'));
  return {
    host,
    port,
    metrics: { host: readString(env, 'API_METRICS_HOST', '127.0.0.1'), port: readInt(env, 'API_METRICS_PORT', 9465) },
    listenBacklog: readInt(env, 'LISTEN_BACKLOG', 2048, 1, 65535),
    publicUrl: readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`),
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || false,
    dataDir,
    databaseUrl: env.DATABASE_URL ? readUrl(env, 'DATABASE_URL', '') : undefined,
    temporal: readTemporal(env),
    apiKeys: readApiKeys(env, production),
    logLevel: readString(env, 'LOG_LEVEL', 'info'),
    secretKeys: loadSecretKeys(env, dataDir, production),
    outboundAllow: parseOutboundAllow(env.OUTBOUND_ALLOW),
    providers: {
      baseUrl: readUrl(env, 'PROVIDER_BASE_URL', `http://127.0.0.1:${readInt(env, 'SANDBOX_PORT', 4010)}`),
      partnerKey: readString(env, 'PROVIDER_PARTNER_KEY', 'sandbox-partner-key'),
      timeoutMs: readInt(env, 'PROVIDER_TIMEOUT_MS', 10_000, 100, 120_000),
    },
    repairTimings: loadRepairTimings(env),
    alertWindowMs: readInt(env, 'ALERT_WINDOW_MS', 60_000, 0, 3_600_000),
    contactsConfirmEveryDays: readInt(env, 'CONTACTS_CONFIRM_EVERY_DAYS', DEFAULT_CONFIRM_EVERY_DAYS, 1, 3650),
    alertRetry: { initialIntervalMs: readInt(env, 'ALERT_RETRY_INITIAL_MS', 5_000, 100, 3_600_000), maximumAttempts: readInt(env, 'ALERT_RETRY_ATTEMPTS', 14, 1, 100) },
    webhookRetryInitialMs: readInt(env, 'WEBHOOK_RETRY_INITIAL_MS', 10_000, 100, 3_600_000),
    webhookRetryForMs: readInt(env, 'WEBHOOK_RETRY_FOR_MS', 24 * 3_600_000, 1000, 7 * 24 * 3_600_000),
    probes: {
      enabled: readString(env, 'PROBES_ENABLED', 'true') !== 'false',
      intervalMs: readInt(env, 'PROBE_INTERVAL_MS', 10 * 60_000, 10_000, 24 * 3600_000),
      jitterMs: readInt(env, 'PROBE_JITTER_MS', 60_000, 0, 3600_000),
      batchSize: readInt(env, 'PROBE_BATCH_SIZE', 100, 1, 10_000),
      failuresBeforeRepair: readInt(env, 'PROBE_FAILURES_BEFORE_REPAIR', 2, 1, 10),
      checksPerSecond: readRateLimits(env.PROBE_RATE_LIMITS ?? ''),
    },
    outage: {
      threshold: readInt(env, 'OUTAGE_THRESHOLD', 25, 2, 100_000),
      windowMs: readInt(env, 'OUTAGE_WINDOW_MS', 5 * 60_000, 1000, 24 * 3600_000),
      recheckMs: readInt(env, 'OUTAGE_RECHECK_MS', 60_000, 100, 3600_000),
    },
    tickets: {
      firstResponseBusinessHours: readInt(env, 'TICKET_FIRST_RESPONSE_BUSINESS_HOURS', TICKET_DEFAULTS.firstResponseBusinessHours, 1, 48),
      autoCloseAfterMs: readInt(env, 'TICKET_AUTO_CLOSE_MS', TICKET_DEFAULTS.autoCloseAfterMs, 1000, 30 * 24 * 3600_000),
      reopenWindowMs: readInt(env, 'TICKET_REOPEN_WINDOW_MS', 30 * 24 * 3600_000, 1000, 365 * 24 * 3600_000),
    },
    worker: {
      maxCachedWorkflows: readInt(env, 'WORKER_MAX_CACHED_WORKFLOWS', 1000, 0, 1_000_000),
      workflowTaskSlots: readInt(env, 'WORKER_WORKFLOW_TASK_SLOTS', 40, 1, 10_000),
      activitySlots: readInt(env, 'WORKER_ACTIVITY_SLOTS', 100, 1, 10_000),
      databasePoolMax: readInt(env, 'WORKER_DATABASE_POOL_MAX', 10, 1, 1000),
      metrics: { host: readString(env, 'WORKER_METRICS_HOST', '127.0.0.1'), port: readInt(env, 'WORKER_METRICS_PORT', 9464), sdkPort: readInt(env, 'WORKER_SDK_METRICS_PORT', 9466, 1) },
    },
    cloudPrinting: readCloudPrinting(env),
    pages: {
      // Picking any user of an organization is a development convenience; production signs in through signed links only.
      devSignIn: !production && readString(env, 'DEV_SIGN_IN', 'true') !== 'false',
      sessionTtlSeconds: readInt(env, 'SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
      secureCookies: readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`).startsWith('https:'),
      sandboxConsoleUrl: !production && !env.PROVIDER_BASE_URL ? `http://localhost:${readInt(env, 'SANDBOX_PORT', 4010)}/console` : null,
    },
    channels: readChannels(env, production, readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`)),
  };
}

/** The start scripts' entry: a bad or missing setting ends the process with its name, exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`could not start: ${error.message}`);
    process.exit(1);
  }
}
