import { createCipheriv, createDecipheriv, createHash, createHmac, hash, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { AppError } from './errors';

const FORMAT = 'v1';

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, body, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !body || !tag) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/**
 * Reads the master key from the environment or, in embedded mode, from `master.key`
 * in the data dir (created with mode 0600 on first start).
 */
export function loadOrCreateMasterKey(fromEnv: Buffer | null, dataDir: string): Buffer {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'master.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** A short, non-reversible fingerprint of the master key, to tell keys apart in messages. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * Envelope encryption: per-municipality data keys (AES-256-GCM) wrapped by the master key.
 * Ciphertext carries its key id, so keys can rotate; associated data binds a value to its
 * municipality and field, so ciphertext cannot be moved between records.
 */
export class KeyRing {
  private readonly keys = new Map<string, Buffer>();
  private readonly activeKeyIds = new Map<string, string>();

  constructor(private readonly masterKey: Buffer) {}

  private wrapAad(municipalityId: string, keyId: string): string {
    return `lykt-data-key|${municipalityId}|${keyId}`;
  }

  /** Creates the first data key of a new municipality, in the caller's transaction. */
  async createDataKey(tx: Database, municipalityId: string): Promise<string> {
    const keyId = randomUUID();
    const key = randomBytes(32);
    await tx.insert(schema.dataKey).values({
      id: keyId,
      municipalityId,
      wrappedKey: seal(this.masterKey, key, this.wrapAad(municipalityId, keyId)),
    });
    this.keys.set(keyId, key);
    this.activeKeyIds.set(municipalityId, keyId);
    return keyId;
  }

  private async activeKey(db: Database, municipalityId: string): Promise<{ keyId: string; key: Buffer }> {
    const cachedId = this.activeKeyIds.get(municipalityId);
    const cached = cachedId ? this.keys.get(cachedId) : undefined;
    if (cachedId && cached) return { keyId: cachedId, key: cached };
    const [row] = await db
      .select()
      .from(schema.dataKey)
      .where(and(eq(schema.dataKey.municipalityId, municipalityId), eq(schema.dataKey.isActive, true)))
      .limit(1);
    if (!row) throw new AppError('INTERNAL_ERROR', 'No data key for this municipality.');
    const key = this.unwrap(municipalityId, row.id, row.wrappedKey);
    this.activeKeyIds.set(municipalityId, row.id);
    return { keyId: row.id, key };
  }

  private unwrap(municipalityId: string, keyId: string, wrapped: string): Buffer {
    const cached = this.keys.get(keyId);
    if (cached) return cached;
    let key: Buffer;
    try {
      key = open(this.masterKey, wrapped, this.wrapAad(municipalityId, keyId));
    } catch {
      throw new AppError('INTERNAL_ERROR', 'A data key could not be unwrapped: is LYKT_MASTER_KEY the one this database was made with?');
    }
    this.keys.set(keyId, key);
    return key;
  }

  private async keyById(db: Database, municipalityId: string, keyId: string): Promise<Buffer> {
    const cached = this.keys.get(keyId);
    if (cached) return cached;
    const [row] = await db
      .select()
      .from(schema.dataKey)
      .where(and(eq(schema.dataKey.id, keyId), eq(schema.dataKey.municipalityId, municipalityId)))
      .limit(1);
    if (!row) throw new AppError('INTERNAL_ERROR', 'Unknown data key.');
    return this.unwrap(municipalityId, row.id, row.wrappedKey);
  }

  /** Throws unless every data key in the database unwraps with this master key (used by restore). */
  async assertAllKeysUnwrap(db: Database): Promise<void> {
    const rows = await db.select().from(schema.dataKey);
    for (const row of rows) this.unwrap(row.municipalityId, row.id, row.wrappedKey);
  }

  /** Encrypts a field value for a municipality. `field` names the column, e.g. "app_user.mfa_secret". */
  async encrypt(db: Database, municipalityId: string, field: string, plaintext: string): Promise<string> {
    const { keyId, key } = await this.activeKey(db, municipalityId);
    return `${FORMAT}:${keyId}:${seal(key, Buffer.from(plaintext, 'utf8'), `${municipalityId}|${field}`)}`;
  }

  /** Decrypts a value made by `encrypt` for the same municipality and field. */
  async decrypt(db: Database, municipalityId: string, field: string, ciphertext: string): Promise<string> {
    const [format, keyId, sealed] = ciphertext.split(':');
    if (format !== FORMAT || !keyId || !sealed) throw new AppError('INTERNAL_ERROR', 'Unknown ciphertext format.');
    const key = await this.keyById(db, municipalityId, keyId);
    return open(key, sealed, `${municipalityId}|${field}`).toString('utf8');
  }

  /** A keyed hash (HMAC-SHA-256 with a key derived from the data key) for lookups without plaintext. */
  async keyedHash(db: Database, municipalityId: string, purpose: string, value: string): Promise<string> {
    const { key } = await this.activeKey(db, municipalityId);
    const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `lykt-hmac|${purpose}`, 32));
    return createHmac('sha256', macKey).update(value, 'utf8').digest('hex');
  }

  /** A keyed hash under a key derived from the master key (no municipality): the same in every process of an installation. */
  installationHash(purpose: string, value: string): string {
    const macKey = Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), `lykt-installation|${purpose}`, 32));
    return createHmac('sha256', macKey).update(value, 'utf8').digest('base64url');
  }
}

/** SHA-256 hex of a value (for session tokens, which are random and need no key). */
export function sha256Hex(value: string): string {
  // One-shot crypto.hash (Node >= 20.12): no Hash object per call; it runs on every signed-in request.
  return hash('sha256', value, 'hex');
}
