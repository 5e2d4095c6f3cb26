// Account pairing: reads a one-time secret, talks to the provider through its connector, and
// returns what the provider said, never the secret. The secret is discarded once the provider answered.
import { ApplicationFailure, log } from '@temporalio/activity';
import { heartbeating } from './heartbeating.js';
import type { PairingStep, ProviderConnector } from '../connectors/provider-connector.js';
import type { Orm } from '../db/orm.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { discardSecret, readSecret } from '../secrets/pending-secrets.js';

export interface PairingDependencies {
  orm: Orm;
  secretBox: SecretBox;
  connectorFor(provider: string): ProviderConnector;
}

interface AccountRef {
  provider: string;
  accountRef: string;
}

const secretUnavailable = () => ApplicationFailure.nonRetryable('The submitted secret expired or was already used', 'SecretUnavailable');

/** A successful login is only half of pairing: the store status must be fine too. */
async function thenCheck(connector: ProviderConnector, accountRef: string, step: PairingStep): Promise<PairingStep> {
  return step.kind === 'paired' ? connector.checkConnection({ accountRef }) : step;
}

export function createPairingActivities(deps: PairingDependencies) {
  return {
    async pairWithCredentials(input: AccountRef & { repairId: string; secretRef: string }): Promise<PairingStep> {
      const secret = await readSecret<{ username: string; password: string }>(deps.orm.em.fork(), deps.secretBox, { id: input.secretRef, repairId: input.repairId, kind: 'credentials' });
      if (!secret) throw secretUnavailable();
      const connector = deps.connectorFor(input.provider);
      const step = await heartbeating(connector.login({ accountRef: input.accountRef, username: secret.username, password: secret.password }).then((first) => thenCheck(connector, input.accountRef, first)));
      await discardSecret(deps.orm.em.fork(), input.secretRef);
      log.info('pairing with credentials', { repairId: input.repairId, provider: input.provider, step: step.kind, code: 'code' in step ? step.code : undefined });
      return step;
    },

    async pairWithCode(input: AccountRef & { repairId: string; challengeId: string; secretRef: string }): Promise<PairingStep> {
      const secret = await readSecret<{ code: string }>(deps.orm.em.fork(), deps.secretBox, { id: input.secretRef, repairId: input.repairId, kind: 'verification_code' });
      if (!secret) throw secretUnavailable();
      const connector = deps.connectorFor(input.provider);
      const step = await heartbeating(connector.verify({ accountRef: input.accountRef, challengeId: input.challengeId, code: secret.code }).then((first) => thenCheck(connector, input.accountRef, first)));
      await discardSecret(deps.orm.em.fork(), input.secretRef);
      log.info('pairing with a verification code', { repairId: input.repairId, provider: input.provider, step: step.kind });
      return step;
    },

    async checkConnection(input: AccountRef): Promise<PairingStep> {
      return heartbeating(deps.connectorFor(input.provider).checkConnection({ accountRef: input.accountRef }));
    },
  };
}
