// Hot reads as named statements on the ORM's own pool: PostgreSQL parses and plans each once per
// connection, and rows come back as plain objects (no entity hydration, no identity map).
import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';

export interface Statement {
  name: string;
  text: string;
}

/** The name comes from the text, so two statements can never share one name with different SQL. */
export const statement = (text: string): Statement => ({ name: `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text });

interface PoolClient {
  acquireConnection(): Promise<ClientBase>;
  releaseConnection(connection: ClientBase): Promise<void>;
}

/** Runs on the entity manager's transaction when it has one (knex's transaction client hands out that connection). */
export async function runStatement<T>(em: EntityManager, { name, text }: Statement, values: unknown[]): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const client = knex.client as PoolClient;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
