// A versioned worker needs its Worker Deployment name and its build id together: one without the
// other is a mistake in the deploy (a forgotten variable), so the process refuses to start naming it.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';
import { ConfigError } from '../../core/config/env-readers.js';
import { testConfig, testEnv } from '../helpers/api.js';

function configError(overrides: NodeJS.ProcessEnv): ConfigError {
  try {
    testConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('TEMPORAL_DEPLOYMENT_NAME and TEMPORAL_BUILD_ID', () => {
  it('leave the worker unversioned when neither is set', () => {
    expect(testConfig().temporal.workerDeployment).toBeUndefined();
  });

  it('version the worker when both are set', () => {
    const config = testConfig({ TEMPORAL_DEPLOYMENT_NAME: 'repair', TEMPORAL_BUILD_ID: '2026-12-03-3b84cf9' });
    expect(config.temporal.workerDeployment).toEqual({ deploymentName: 'repair', buildId: '2026-12-03-3b84cf9' });
  });

  it.each([
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair' }, 'TEMPORAL_BUILD_ID'],
    [{ TEMPORAL_BUILD_ID: '3b84cf9' }, 'TEMPORAL_DEPLOYMENT_NAME'],
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair', TEMPORAL_BUILD_ID: '  ' }, 'TEMPORAL_BUILD_ID'],
  ])('names the missing one when only one is set (%o)', (env, missing) => {
    const error = configError(env);
    expect(error.variable).toBe(missing);
    expect(error.message).toContain('TEMPORAL_DEPLOYMENT_NAME and TEMPORAL_BUILD_ID');
  });

  it.each([
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair.eu', TEMPORAL_BUILD_ID: 'b1' }, 'TEMPORAL_DEPLOYMENT_NAME'],
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair', TEMPORAL_BUILD_ID: 'build 1' }, 'TEMPORAL_BUILD_ID'],
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair', TEMPORAL_BUILD_ID: '__unversioned__' }, 'TEMPORAL_BUILD_ID'],
    [{ TEMPORAL_DEPLOYMENT_NAME: 'repair', TEMPORAL_BUILD_ID: 'b'.repeat(256) }, 'TEMPORAL_BUILD_ID'],
  ])('refuses a value that cannot name a version (%o)', (env, variable) => {
    expect(configError(env).variable).toBe(variable);
  });

  it('stops worker.ts before it connects when the build id is forgotten', async () => {
    const env = { ...testEnv({ TEMPORAL_DEPLOYMENT_NAME: 'repair' }), PATH: process.env.PATH, HOME: process.env.HOME };
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.once('exit', (exitCode) => resolve({ code: exitCode, output: text }));
    });
    expect(code).toBe(1);
    expect(output).toContain('TEMPORAL_BUILD_ID');
    expect(output).not.toMatch(/polling/i);
  });
});
