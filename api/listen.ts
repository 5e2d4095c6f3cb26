// How the API process listens. The backlog is the kernel's queue of connections not yet accepted:
// a backend in a retry storm opens hundreds at once, and a full queue resets them (Node's default
// is 511). The kernel caps it at net.core.somaxconn.
import type { AppConfig } from '../core/config/config.js';

export const listenOptions = (config: Pick<AppConfig, 'host' | 'port' | 'listenBacklog'>) => ({ host: config.host, port: config.port, backlog: config.listenBacklog });
