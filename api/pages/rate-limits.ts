// How often a client may use the pages' sensitive routes. Provider logins are the expensive part
// (and a provider may lock an account after many failures), so actions count per signed-in user.
import type { FastifyRequest } from 'fastify';

const sessionUser = (request: FastifyRequest) => (request.session?.get('userId') as string | undefined) ?? request.ip;

/** Opening signed links and signing in: per client address. */
export const SIGN_IN_LIMIT = { max: 60, timeWindow: '1 minute' };
/** Submitting credentials, codes and steps: per user. */
export const ACTION_LIMIT = { max: 30, timeWindow: '1 minute', keyGenerator: sessionUser };
