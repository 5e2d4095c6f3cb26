// People's actions on a repair: one code path for the API and the pages. Checks who may act,
// hands secrets over encrypted, and asks the workflow through a validated Update.
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type RepairRow, type UserRow } from '../../db/entities/index.js';
import { discardSecret, storeSecret } from '../../secrets/pending-secrets.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import { completeStepsUpdate, deferRepairUpdate, requestSupportUpdate, submitCredentialsUpdate, submitVerificationCodeUpdate, type ActionAnswer } from '../../../workflows/repair/messages.js';
import { isActionAllowed, type RepairAction, type RepairState } from '../../../workflows/repair/repair-rules.js';
import { ACTION_PERMISSION, requirePermission } from '../registry/permissions.js';
import { conflict, notFound, unprocessable } from '../../errors/problem.js';
import { findRepair } from '../../../api/views/repair-view.js';
import { updateIdFor } from './idempotency-keys.js';

export interface RepairActionContext {
  temporal: Client;
  secretBox: SecretBox;
}

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

export class RepairActions {
  constructor(private readonly ctx: RepairActionContext) {}

  private handle(repair: RepairRow): WorkflowHandle {
    return this.ctx.temporal.workflow.getHandle(repair.workflowId);
  }

  /** Who acts on which repair, allowed or refused; the Update id binds the key to this very request. */
  private async prepare(em: EntityManager, request: ActionRequest, action: RepairAction, body: Record<string, unknown> = {}) {
    const repair = await findRepair(em, request.repairId);
    const user = await actingUser(em, repair, request.actingUserId);
    authorize(user, repair, action);
    const updateId = await updateIdFor(em, request.idempotencyKey, { caller: user.id, action, repairId: repair.id, body });
    return { repair, user, updateId };
  }

  private async finish(em: EntityManager, repairId: string, user: UserRow, answer: ActionAnswer): Promise<ActedOn> {
    em.clear();
    return { answer, repair: await findRepair(em, repairId), user };
  }

  async submitCredentials(em: EntityManager, request: ActionRequest & { username: string; password: string }): Promise<ActedOn> {
    const { repair, user, updateId } = await this.prepare(em, request, 'submit_credentials', { username: request.username, password: request.password });
    const secretRef = await storeSecret(em, this.ctx.secretBox, { repairId: repair.id, kind: 'credentials', payload: { username: request.username, password: request.password } });
    const answer = await runUpdate(
      () => this.handle(repair).executeUpdate(submitCredentialsUpdate, { args: [{ actingUserId: user.id, secretRef }], updateId }),
      repair,
      'submit_credentials',
    ).finally(() => discardSecret(em, secretRef));
    return this.finish(em, repair.id, user, answer);
  }

  async submitVerificationCode(em: EntityManager, request: ActionRequest & { code: string }): Promise<ActedOn> {
    const { repair, user, updateId } = await this.prepare(em, request, 'submit_verification_code', { code: request.code });
    const secretRef = await storeSecret(em, this.ctx.secretBox, { repairId: repair.id, kind: 'verification_code', payload: { code: request.code } });
    const answer = await runUpdate(
      () => this.handle(repair).executeUpdate(submitVerificationCodeUpdate, { args: [{ actingUserId: user.id, secretRef }], updateId }),
      repair,
      'submit_verification_code',
    ).finally(() => discardSecret(em, secretRef));
    return this.finish(em, repair.id, user, answer);
  }

  async completeSteps(em: EntityManager, request: ActionRequest): Promise<ActedOn> {
    const { repair, user, updateId } = await this.prepare(em, request, 'complete_steps');
    const answer = await runUpdate(() => this.handle(repair).executeUpdate(completeStepsUpdate, { args: [{ actingUserId: user.id }], updateId }), repair, 'complete_steps');
    return this.finish(em, repair.id, user, answer);
  }

  async defer(em: EntityManager, request: ActionRequest): Promise<ActedOn> {
    const { repair, user, updateId } = await this.prepare(em, request, 'defer');
    const answer = await runUpdate(() => this.handle(repair).executeUpdate(deferRepairUpdate, { args: [{ actingUserId: user.id }], updateId }), repair, 'defer');
    return this.finish(em, repair.id, user, answer);
  }

  async requestSupport(em: EntityManager, request: ActionRequest & { message: string }): Promise<ActedOn> {
    const { repair, user, updateId } = await this.prepare(em, request, 'request_support', { message: request.message });
    const answer = await runUpdate(
      () => this.handle(repair).executeUpdate(requestSupportUpdate, { args: [{ actingUserId: user.id, message: request.message }], updateId }),
      repair,
      'request_support',
    );
    return this.finish(em, repair.id, user, answer);
  }
}
