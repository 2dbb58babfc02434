import type { Database } from '../client';
import * as schema from '../schema';

/**
 * The demo municipality's public pages: switched on, with a clearly fictional contact. No demo
 * tips are made here: tip content is encrypted by the API's key ring, and the public form
 * creates real ones in a few seconds.
 */
export async function seedTipsDemo(tx: Database, municipalityId: string): Promise<void> {
  await tx.insert(schema.tipPublicSettings).values({
    municipalityId,
    publicPagesEnabled: true,
    tipFormEnabled: true,
    contactName: 'Koordinator mot menneskehandel, Eksempel kommune (demo)',
    contactPhone: '+47 99 00 00 10',
    contactEmail: 'menneskehandel@eksempel.kommune.no',
    openingHours: 'Mandag–fredag 08.00–15.30 (demo)',
    retentionMonths: 12,
  });
}
