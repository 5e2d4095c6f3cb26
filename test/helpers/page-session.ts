// A merchant's browser as far as HTTP goes: keeps the session cookie, reads each page's CSRF token,
// posts forms url-encoded. Browser behaviour (scripts, focus) is tested in real Chromium instead.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { auth } from './api.js';

export type Form = Record<string, string | string[]>;

export class PageSession {
  private cookie = '';
  private lastToken = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The cookie as the browser would send it now, e.g. to replay it later. */
  get cookieHeader(): string {
    return this.cookie;
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    const set = res.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      if (pair?.startsWith('repair_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.lastToken = token;
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { ...this.headers, ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } }));
  }

  /** Posts with the CSRF token of the last page read, unless the form names its own `_csrf`. */
  async post(url: string, form: Form = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ _csrf: this.lastToken, ...form })) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.remember(
      await this.app.inject({ method: 'POST', url, payload: body.toString(), headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) } }),
    );
  }

  /** Follows a redirect answer with a GET, as a browser does after a form. */
  async follow(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    if (res.statusCode < 300 || res.statusCode >= 400) throw new Error(`not a redirect: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return this.get(String(res.headers.location));
  }

  /** Signs in as `userId` the production way: a link minted by the API for a backend. */
  async signIn(orgId: string, userId: string, repairId?: string): Promise<LightMyRequestResponse> {
    const minted = await this.app.inject({ method: 'POST', url: `/v1/orgs/${orgId}/users/${userId}/sign-in-links`, payload: repairId ? { repairId } : {}, headers: auth() });
    if (minted.statusCode !== 201) throw new Error(`sign-in link: ${minted.statusCode} ${minted.body}`);
    return this.follow(await this.get(new URL(minted.json<{ url: string }>().url).pathname));
  }
}

/** The visible text of an HTML page, for assertions that do not depend on markup. */
export const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
