import { createServer } from 'node:net';

/** Thrown when a fixed port is taken; the message names the port and the variable that moves it. */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly what: string,
  ) {
    super(`port ${port} (${what}) is already in use; set ${variable} to another port`);
    this.name = 'PortTakenError';
  }
}

/** Resolves true when nothing listens on host:port. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, variable: string, what: string): Promise<void> {
  if (!(await isPortFree(port))) throw new PortTakenError(port, variable, what);
}

/** Asks the OS for a free port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
