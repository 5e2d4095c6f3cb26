// Slow and silent providers: requests held for a while, released early when the client goes away
// or the sandbox closes, so neither tests nor shutdown wait for a timer.
import type { FastifyReply } from 'fastify';

export type HoldEnd = 'elapsed' | 'released' | 'client_gone';

export class HeldRequests {
  private readonly releases = new Set<() => void>();
  /** Answers written after a release, awaited before the sandbox drops its connections. */
  private readonly answering = new Set<Promise<void>>();
  private closing = false;

  hold(reply: FastifyReply, ms: number): Promise<HoldEnd> {
    if (this.closing) return Promise.resolve(this.released(reply));
    return new Promise((resolve) => {
      const finish = (end: HoldEnd) => {
        clearTimeout(timer);
        this.releases.delete(release);
        reply.raw.off('close', onClientGone);
        resolve(end);
      };
      const release = () => finish(this.released(reply));
      const onClientGone = () => finish('client_gone');
      const timer = setTimeout(() => finish('elapsed'), ms);
      timer.unref();
      this.releases.add(release);
      reply.raw.once('close', onClientGone);
    });
  }

  /**
   * Ends every held request and resolves once their answers are written (at most `graceMs`);
   * later holds end at once. Called as the sandbox starts closing.
   */
  async releaseAll(graceMs = 1000): Promise<void> {
    this.closing = true;
    for (const release of [...this.releases]) release();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.all(this.answering), grace]);
  }

  /**
   * The answer to a released request must also close its socket: the server has already swept
   * idle keep-alive connections by the time it is written, and would wait for this one otherwise.
   */
  private released(reply: FastifyReply): HoldEnd {
    reply.header('connection', 'close');
    const written = new Promise<void>((resolve) => {
      if (reply.raw.writableFinished || reply.raw.destroyed) return resolve();
      reply.raw.once('finish', resolve).once('close', resolve);
    });
    this.answering.add(written);
    void written.then(() => this.answering.delete(written));
    return 'released';
  }
}
