import type { AuditAction } from '@lykt/shared';
import type { TFunction } from 'i18next';

type ActionKey = AuditAction extends infer A ? (A extends string ? ReplaceDots<A> : never) : never;
type ReplaceDots<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${ReplaceDots<Tail>}` : S;

/** The translated label of an audit action; unknown actions show their code. */
export function auditActionLabel(t: TFunction, action: string): string {
  const key = action.replaceAll('.', '_') as ActionKey;
  return t(`audit.actions.${key}`, { defaultValue: action });
}
