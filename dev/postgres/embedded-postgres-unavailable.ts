// The one error the embedded server stops with when it cannot run here: it says why and what to do,
// so `npm test` and `npm run dev` end with a sentence instead of a stack trace from a child process.
export class EmbeddedPostgresUnavailable extends Error {
  constructor(why: string, cause?: unknown) {
    const detail = cause instanceof Error ? ` (${cause.message.split('\n')[0]})` : '';
    super(`The embedded PostgreSQL cannot start: ${why}${detail}. Set DATABASE_URL to a PostgreSQL server you run (any version from 14), or run from a folder the \`postgres\` user may enter.`);
    this.name = 'EmbeddedPostgresUnavailable';
  }
}
