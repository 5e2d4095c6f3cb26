// AES-256-GCM for secrets at rest: random 12-byte IV, auth tag, AAD naming the record, and a key
// version prefix so keys can be rotated (old versions stay readable while listed).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  /** `keys` maps a version to a 32-byte key; `current` encrypts, every listed version decrypts. */
  constructor(
    keys: Record<string, Buffer>,
    private readonly current: string,
  ) {
    this.keys = new Map(Object.entries(keys));
    for (const [version, key] of this.keys) {
      if (key.length !== 32) throw new Error(`secret key ${version} must be 32 bytes`);
      if (!/^[a-z0-9]+$/.test(version)) throw new Error('secret key versions are lowercase letters and digits');
    }
    if (!this.keys.has(current)) throw new Error(`no secret key for version ${current}`);
  }

  seal(plaintext: string, recordId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    cipher.setAAD(Buffer.from(recordId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Throws when the text was altered, sealed for another record, or by an unknown key. */
  open(sealed: string, recordId: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    const key = version ? this.keys.get(version) : undefined;
    if (!key || !iv || !tag || body === undefined) throw new Error('sealed secret is malformed or its key is unknown');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(recordId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
