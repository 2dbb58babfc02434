import { randomBytes } from 'node:crypto';
import { isDatabaseEmpty, seedDemo } from '@lykt/db';
import { recordAudit } from './platform/audit';
import { runWithContext } from './platform/context';
import { inTransaction, type Deps } from './platform/deps';
import { seedCapabilities } from './platform/seed-capabilities';

/** A random demo password that passes the strength rules: four groups of letters and digits. */
function generateDemoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

export type BootstrapOutcome =
  | { kind: 'existing' }
  | { kind: 'demo'; users: { role: string; email: string }[]; password: string; passwordGenerated: boolean }
  | { kind: 'needs-admin' };

/** On an empty database: creates the demo municipality in demo mode, else says how to create the first admin. */
export async function bootstrapDatabase(deps: Deps): Promise<BootstrapOutcome> {
  if (!(await isDatabaseEmpty(deps.db))) return { kind: 'existing' };
  if (!deps.config.demo) return { kind: 'needs-admin' };
  const password = deps.config.demoPassword ?? generateDemoPassword();
  const result = await seedDemo(deps.db, seedCapabilities(deps.keyring), password);
  if (!result) return { kind: 'existing' };
  await runWithContext({ requestId: null, actor: { kind: 'system', label: 'demo-seed' } }, () =>
    inTransaction(deps, (tx) =>
      recordAudit(tx, {
        municipalityId: result.municipalityId,
        action: 'system.demo.seeded',
        entityType: 'municipality',
        entityId: result.municipalityId,
        details: { users: result.users.length },
      }),
    ),
  );
  return { kind: 'demo', users: result.users, password, passwordGenerated: deps.config.demoPassword === null };
}
