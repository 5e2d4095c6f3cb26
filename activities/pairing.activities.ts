// Account pairing: reads a one-time secret, talks to the provider through its connector, and
// returns what the provider said, never the secret. The secret is discarded once the provider answered.
import { ApplicationFailure, log } from '@temporalio/activity';
import { heartbeating } from './heartbeating.js';
import type { PairingStep, ProviderConnector } from './connectors/provider-connector.js';
import type { Orm } from '../core/db/orm.js';
import type { SecretBox } from '../core/secrets/secret-box.js';
import { discardSecret, readSecret, type SecretKind, type SecretProblem } from '../core/secrets/pending-secrets.js';
import { SECRET_FAILURE_TYPES } from '../workflows/repair/secret-failures.js';

export interface PairingDependencies {
  orm: Orm;
  secretBox: SecretBox;
  connectorFor(provider: string): ProviderConnector;
}

interface AccountRef {
  provider: string;
  accountRef: string;
}

const PROBLEM_MESSAGES: Record<SecretProblem, string> = {
  missing: 'The submitted secret was already used or does not belong to this repair',
  expired: 'The submitted secret expired before pairing could read it',
  unreadable: 'The submitted secret cannot be decrypted with the keys this worker holds (SECRETS_KEYS differ?)',
};

/** The secret's payload; a secret that cannot be used fails once (retrying cannot bring it back). */
async function takeSecret<T>(deps: PairingDependencies, ref: { id: string; repairId: string; kind: SecretKind }): Promise<T> {
  const read = await readSecret<T>(deps.orm.em.fork(), deps.secretBox, ref);
  if ('payload' in read) return read.payload;
  if (read.problem === 'unreadable') log.error('a pending secret could not be decrypted: check SECRETS_KEYS on the API and the worker', { repairId: ref.repairId, secretRef: ref.id });
  throw ApplicationFailure.nonRetryable(PROBLEM_MESSAGES[read.problem], SECRET_FAILURE_TYPES[read.problem]);
}

/** A successful login is only half of pairing: the store status must be fine too. */
async function thenCheck(connector: ProviderConnector, accountRef: string, step: PairingStep): Promise<PairingStep> {
  return step.kind === 'paired' ? connector.checkConnection({ accountRef }) : step;
}

export function createPairingActivities(deps: PairingDependencies) {
  return {
    async pairWithCredentials(input: AccountRef & { repairId: string; secretRef: string }): Promise<PairingStep> {
      const secret = await takeSecret<{ username: string; password: string }>(deps, { id: input.secretRef, repairId: input.repairId, kind: 'credentials' });
      const connector = deps.connectorFor(input.provider);
      const step = await heartbeating(connector.login({ accountRef: input.accountRef, username: secret.username, password: secret.password }).then((first) => thenCheck(connector, input.accountRef, first)), { stopWhenPaused: true });
      await discardSecret(deps.orm.em.fork(), input.secretRef);
      log.info('pairing with credentials', { repairId: input.repairId, provider: input.provider, step: step.kind, code: 'code' in step ? step.code : undefined });
      return step;
    },

    async pairWithCode(input: AccountRef & { repairId: string; challengeId: string; secretRef: string }): Promise<PairingStep> {
      const secret = await takeSecret<{ code: string }>(deps, { id: input.secretRef, repairId: input.repairId, kind: 'verification_code' });
      const connector = deps.connectorFor(input.provider);
      const step = await heartbeating(connector.verify({ accountRef: input.accountRef, challengeId: input.challengeId, code: secret.code }).then((first) => thenCheck(connector, input.accountRef, first)), { stopWhenPaused: true });
      await discardSecret(deps.orm.em.fork(), input.secretRef);
      log.info('pairing with a verification code', { repairId: input.repairId, provider: input.provider, step: step.kind });
      return step;
    },

    async checkConnection(input: AccountRef): Promise<PairingStep> {
      return heartbeating(deps.connectorFor(input.provider).checkConnection({ accountRef: input.accountRef }), { stopWhenPaused: true });
    },
  };
}
