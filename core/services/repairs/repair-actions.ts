// People's actions on a repair: one code path for the API and the pages. Checks who may act,
// hands secrets over encrypted, and asks the workflow through a validated Update.
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type RepairRow, type UserRow } from '../../db/entities/index.js';
import { discardSecret, storeSecret, type SecretKind } from '../../secrets/pending-secrets.js';
import type { ServiceContext } from '../service-context.js';
import { completeStepsUpdate, deferRepairUpdate, requestSupportUpdate, submitCredentialsUpdate, submitVerificationCodeUpdate, type ActionAnswer, type ActorInput } from '../../../workflows/repair/messages.js';
import { isActionAllowed, type RepairAction, type RepairState } from '../../../workflows/repair/repair-rules.js';
import { ACTION_PERMISSION, requirePermission } from '../registry/permissions.js';
import { conflict, notFound, unprocessable } from '../problem.js';
import { findRepair } from './find-repair.js';
import { updateIdFor } from './idempotency-keys.js';

export type RepairActionContext = Pick<ServiceContext, 'temporal' | 'secretBox'>;

export interface ActionRequest {
  repairId: string;
  actingUserId: string;
  /** Makes a retried request answer the first result instead of acting twice. */
  idempotencyKey?: string;
}

export interface ActedOn {
  answer: ActionAnswer;
  repair: RepairRow;
  user: UserRow;
}

/** A user of another organization may not even learn that the repair exists. */
async function actingUser(em: EntityManager, repair: RepairRow, userId: string): Promise<UserRow> {
  const user = await em.findOne(User, { id: userId, org: repair.org });
  if (!user) throw notFound('repair', repair.id);
  return user;
}

function authorize(user: UserRow, repair: RepairRow, action: RepairAction): void {
  requirePermission(user, ACTION_PERMISSION[action]);
  if (!isActionAllowed(repair.state as RepairState, action)) {
    throw conflict(`This action is not possible while the repair is ${repair.state}.`, { state: repair.state, action });
  }
}

async function runUpdate(run: () => Promise<ActionAnswer>, repair: RepairRow, action: RepairAction): Promise<ActionAnswer> {
  try {
    return await run();
  } catch (error) {
    // The database refused what the action would record: this action can never succeed, the repair goes on.
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === 'RecordRefused') {
      throw unprocessable(`This action could not be recorded: ${error.cause.message}`, [{ name: 'body', reason: 'holds data the database cannot store' }]);
    }
    // The validator refused (state moved on since we read it) or the repair already ended.
    if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) {
      throw conflict(`This action is not possible any more: ${(error.cause as Error | undefined)?.message ?? 'the repair has ended'}.`, { action, repairId: repair.id });
    }
    throw error;
  }
}

/**
 * One row per action: the body fields it takes, the Update that carries them and, for secrets, the
 * kind they are sealed as (the Update then gets only a reference: no secret enters history).
 */
type ActionDefinition<F extends string> =
  | { fields: readonly F[]; sealedAs: SecretKind; update: UpdateDefinition<ActionAnswer, [ActorInput & { secretRef: string }], string> }
  | { fields: readonly F[]; sealedAs?: undefined; update: UpdateDefinition<ActionAnswer, [ActorInput & Record<F, string>], string> };

/** The body fields each action takes (besides the acting user): the routes' schemas declare the same. */
export interface RepairActionFields {
  submit_credentials: 'username' | 'password';
  submit_verification_code: 'code';
  complete_steps: never;
  defer: never;
  request_support: 'message';
}

const REPAIR_ACTION_DEFINITIONS: { [A in RepairAction]: ActionDefinition<RepairActionFields[A]> } = {
  submit_credentials: { fields: ['username', 'password'], sealedAs: 'credentials', update: submitCredentialsUpdate },
  submit_verification_code: { fields: ['code'], sealedAs: 'verification_code', update: submitVerificationCodeUpdate },
  complete_steps: { fields: [], update: completeStepsUpdate },
  defer: { fields: [], update: deferRepairUpdate },
  request_support: { fields: ['message'], update: requestSupportUpdate },
};

export type RepairActionInput<A extends RepairAction> = ActionRequest & Record<RepairActionFields[A], string>;

const pick = <F extends string>(input: Record<F, string>, fields: readonly F[]): Record<F, string> =>
  Object.fromEntries(fields.map((f) => [f, input[f]])) as Record<F, string>;

/** Who acts on which repair, allowed or refused; the Update id binds the key to this very request. */
async function prepare(em: EntityManager, request: ActionRequest, action: RepairAction, body: Record<string, unknown>) {
  const repair = await findRepair(em, request.repairId);
  const user = await actingUser(em, repair, request.actingUserId);
  authorize(user, repair, action);
  const updateId = await updateIdFor(em, request.idempotencyKey, { caller: user.id, action, repairId: repair.id, body });
  return { repair, user, updateId };
}

async function sendUpdate<F extends string>(em: EntityManager, ctx: RepairActionContext, definition: ActionDefinition<F>, call: { repair: RepairRow; actingUserId: string; body: Record<F, string>; updateId: string | undefined }): Promise<ActionAnswer> {
  const handle = ctx.temporal.workflow.getHandle(call.repair.workflowId);
  const { actingUserId, updateId } = call;
  if (!definition.sealedAs) return handle.executeUpdate(definition.update, { args: [{ actingUserId, ...call.body }], updateId });
  const secretRef = await storeSecret(em, ctx.secretBox, { repairId: call.repair.id, kind: definition.sealedAs, payload: call.body });
  return handle.executeUpdate(definition.update, { args: [{ actingUserId, secretRef }], updateId }).finally(() => discardSecret(em, secretRef));
}

/** A person's action on a repair, for the API, the pages and the worker alike. */
export async function actOnRepair<A extends RepairAction>(em: EntityManager, ctx: RepairActionContext, action: A, input: RepairActionInput<A>): Promise<ActedOn> {
  const definition: ActionDefinition<RepairActionFields[A]> = REPAIR_ACTION_DEFINITIONS[action];
  const body = pick<RepairActionFields[A]>(input, definition.fields);
  const { repair, user, updateId } = await prepare(em, input, action, body);
  const answer = await runUpdate(() => sendUpdate(em, ctx, definition, { repair, actingUserId: user.id, body, updateId }), repair, action);
  em.clear();
  return { answer, repair: await findRepair(em, repair.id), user };
}
