import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@lykt/db';
import { createHarness, seedTenant, type TestHarness } from '../../test/harness';
import { KeyRing } from './crypto';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('envelope encryption', () => {
  it('round-trips a value, names its key id and never stores plaintext', async () => {
    const tenant = await seedTenant(h);
    const ciphertext = await h.deps.keyring.encrypt(h.deps.db, tenant.municipality.id, 'case.name', 'Ana Fiktiv');
    const [key] = await h.deps.db.select().from(schema.dataKey).where(eq(schema.dataKey.municipalityId, tenant.municipality.id));
    expect(ciphertext.startsWith(`v1:${key?.id}:`)).toBe(true);
    expect(ciphertext).not.toContain('Ana');
    expect(await h.deps.keyring.decrypt(h.deps.db, tenant.municipality.id, 'case.name', ciphertext)).toBe('Ana Fiktiv');
    // A fresh key ring (another process) unwraps the data key from the database.
    expect(await new KeyRing(Buffer.alloc(32, 7)).decrypt(h.deps.db, tenant.municipality.id, 'case.name', ciphertext)).toBe('Ana Fiktiv');
  });

  it('refuses ciphertext moved to another field or municipality, or read with another master key', async () => {
    const a = await seedTenant(h);
    const b = await seedTenant(h);
    const ciphertext = await h.deps.keyring.encrypt(h.deps.db, a.municipality.id, 'case.name', 'secret');
    await expect(h.deps.keyring.decrypt(h.deps.db, a.municipality.id, 'case.notes', ciphertext)).rejects.toThrow();
    await expect(h.deps.keyring.decrypt(h.deps.db, b.municipality.id, 'case.name', ciphertext)).rejects.toThrow();
    await expect(new KeyRing(Buffer.alloc(32, 9)).decrypt(h.deps.db, a.municipality.id, 'case.name', ciphertext)).rejects.toThrow(/LYKT_MASTER_KEY/);
  });

  it('uses a random IV: the same value encrypts differently; keyed hashes are stable per municipality', async () => {
    const a = await seedTenant(h);
    const b = await seedTenant(h);
    const one = await h.deps.keyring.encrypt(h.deps.db, a.municipality.id, 'f', 'same');
    const two = await h.deps.keyring.encrypt(h.deps.db, a.municipality.id, 'f', 'same');
    expect(one).not.toBe(two);
    const hashA = await h.deps.keyring.keyedHash(h.deps.db, a.municipality.id, 'dedupe', 'ana|2001-01-01');
    expect(await h.deps.keyring.keyedHash(h.deps.db, a.municipality.id, 'dedupe', 'ana|2001-01-01')).toBe(hashA);
    expect(await h.deps.keyring.keyedHash(h.deps.db, b.municipality.id, 'dedupe', 'ana|2001-01-01')).not.toBe(hashA);
  });
});
