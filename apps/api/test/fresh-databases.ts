import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';

/**
 * Empty PostgreSQL databases on the TEST_DATABASE_URL server, for tests that must start from
 * nothing (migrations, pg-boss's queues). Call in a describe block; every database it made is
 * dropped after the block. Returns a function that makes one more and gives its URL.
 */
export function freshDatabases(baseUrl: string | undefined, prefix: string): () => Promise<string> {
  const admin = baseUrl ? postgres(baseUrl, { max: 1, onnotice: () => undefined }) : null;
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });
  return async () => {
    if (!admin || !baseUrl) throw new Error('freshDatabases needs TEST_DATABASE_URL');
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    created.push(name);
    await admin.unsafe(`create database ${name}`);
    return Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  };
}
