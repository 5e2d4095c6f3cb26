// Without the development switch (REPAIR_ENV=development, set only by `npm run dev` and the test
// harness), the configuration is production: every setting named, no development secret or sandbox.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/config/env-readers.js';
import { DEFAULT_DEV_API_KEY, DEV_TWILIO, loadConfig } from '../../core/config/config.js';

/** Everything production needs, as an operator would set it. */
const production: NodeJS.ProcessEnv = {
  DATABASE_URL: 'postgres://repair:pw@db.example.com:5432/repair',
  TEMPORAL_ADDRESS: 'temporal.example.com:7233',
  API_KEYS: 'prod-service-key-0001:service',
  SECRETS_KEYS: `v1:${Buffer.alloc(32, 9).toString('base64')}`,
  PUBLIC_URL: 'https://repair.example.com',
  PROVIDER_BASE_URL: 'https://partners.example.com',
  PROVIDER_PARTNER_KEY: 'partner-key-from-the-provider',
  TWILIO_ACCOUNT_SID: 'AC11111111111111111111111111111111',
  TWILIO_AUTH_TOKEN: 'real-twilio-auth-token',
  TWILIO_FROM: '+15551234567',
  SMTP_URL: 'smtps://user:pass@smtp.example.com',
  MAIL_FROM: 'Repair <alerts@example.com>',
};
const REQUIRED = Object.keys(production);

const without = (...names: string[]) => Object.fromEntries(Object.entries(production).filter(([k]) => !names.includes(k)));
function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('production is the default', () => {
  it('starts with every production setting given, and no development fallback is on', () => {
    const config = loadConfig({ ...production, DEV_API_KEY: 'someone-elses-dev-key' });
    expect(config.apiKeys.map((k) => k.key)).toEqual(['prod-service-key-0001']);
    expect(config.apiKeys.map((k) => k.key)).not.toContain(DEFAULT_DEV_API_KEY);
    expect(config.pages.devSignIn).toBe(false);
    expect(config.pages.sandboxConsoleUrl).toBeNull();
    expect(config.channels.twilio.authToken).toBe('real-twilio-auth-token');
    expect(config.channels.twilio.apiBaseUrl).toBeUndefined();
    expect(config.providers.baseUrl).toBe('https://partners.example.com');
  });

  it('names every missing setting in one message when nothing is set', () => {
    const error = failure({});
    for (const name of REQUIRED) expect(error.message).toContain(name);
  });

  it.each(REQUIRED)('refuses to start without %s, naming it', (name) => {
    const error = failure(without(name));
    expect(error.message).toContain(name);
    for (const other of REQUIRED.filter((n) => n !== name)) expect(error.message).not.toMatch(new RegExp(`\\b${other}\\b`));
  });

  it('never verifies Twilio callbacks with the public development token', () => {
    const error = failure(without('TWILIO_AUTH_TOKEN'));
    expect(error.message).toContain('TWILIO_AUTH_TOKEN');
    expect(() => loadConfig({ ...production, TWILIO_AUTH_TOKEN: DEV_TWILIO.authToken })).toThrow(/TWILIO_AUTH_TOKEN/);
  });

  it('refuses development-only switches and unknown deployment names', () => {
    expect(() => loadConfig({ ...production, REPAIR_ENV: 'staging' })).toThrow(/REPAIR_ENV/);
    expect(loadConfig({ ...production, REPAIR_ENV: 'production', DEV_SIGN_IN: 'true' }).pages.devSignIn).toBe(false);
    // NODE_ENV says nothing about the deployment: development stays an explicit choice.
    expect(() => loadConfig({ NODE_ENV: 'development' })).toThrow(/DATABASE_URL/);
  });
});

describe('development (REPAIR_ENV=development)', () => {
  it('keeps the conveniences of `npm run dev`: the dev key, the sign-in picker and the local sinks', () => {
    const config = loadConfig({ REPAIR_ENV: 'development', SECRETS_KEYS: production.SECRETS_KEYS });
    expect(config.apiKeys.map((k) => k.key)).toContain(DEFAULT_DEV_API_KEY);
    expect(config.pages.devSignIn).toBe(true);
    expect(config.channels.twilio.authToken).toBe(DEV_TWILIO.authToken);
  });
});
