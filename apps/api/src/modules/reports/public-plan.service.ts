import { schema } from '@lykt/db';
import type { PublicPlanSetting, PublicPlanSettingBody } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { publicContentChanged } from '../../public/version';
import { publicPlanEnabled } from './public-plan';

const PATH = '/nb/plan';

export async function getPublicPlanSetting(deps: Deps, actor: UserActor): Promise<PublicPlanSetting> {
  return { enabled: await publicPlanEnabled(deps.db, actor.municipalityId), path: PATH };
}

/** Switches the public plan page on or off; the public pages pick the change up at once. */
export async function setPublicPlanSetting(deps: Deps, actor: UserActor, body: PublicPlanSettingBody): Promise<PublicPlanSetting> {
  const before = await publicPlanEnabled(deps.db, actor.municipalityId);
  await inTransaction(deps, async (tx) => {
    await tx
      .insert(schema.publicPlanSetting)
      .values({ municipalityId: actor.municipalityId, enabled: body.enabled, updatedByUserId: actor.userId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: schema.publicPlanSetting.municipalityId, set: { enabled: body.enabled, updatedByUserId: actor.userId, updatedAt: new Date() } });
    await recordAudit(tx, { municipalityId: actor.municipalityId, action: 'plan.public_page.updated', entityType: 'public_plan_setting', entityId: actor.municipalityId, details: { enabled: body.enabled, before } });
  });
  await publicContentChanged(deps.db);
  return getPublicPlanSetting(deps, actor);
}
