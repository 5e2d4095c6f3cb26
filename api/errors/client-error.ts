// Requests Node's HTTP parser refuses before Fastify sees them (headers too large, not HTTP at
// all, too slow) still get a problem+json answer, like every other error of the API.
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../core/services/problem.js';

function answerFor(code: string | undefined): { status: number; kind: string; title: string; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, kind: 'headers-too-large', title: 'Request header fields too large', detail: 'The request headers exceed the size this API reads (16 KiB).' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, kind: 'request-timeout', title: 'Request timeout', detail: 'The request did not arrive in time.' };
  return { status: 400, kind: 'malformed-request', title: 'Malformed request', detail: 'The request is not valid HTTP/1.1.' };
}

/** Fastify's `clientErrorHandler`: writes the answer and closes the connection, which cannot be trusted further. */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  // A connection the client reset has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = answerFor(error.code);
  this.log.debug({ err: error }, 'client error');
  const body = JSON.stringify({ type: problemType(answer.kind), title: answer.title, status: answer.status, detail: answer.detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
