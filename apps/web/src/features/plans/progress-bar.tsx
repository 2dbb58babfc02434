import { useTranslation } from 'react-i18next';

/** A progress figure with a bar; the number is the accessible content, the bar is decoration. */
export function ProgressBar({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span>{t('common.empty')}</span>;
  const rounded = Math.round(value);
  return (
    <span className="plan-progress">
      <span className="plan-progress__bar" aria-hidden="true">
        <span className="plan-progress__fill" style={{ width: `${Math.min(100, Math.max(0, rounded))}%` }} />
      </span>
      <span>{t('plans.percent', { value: rounded })}</span>
    </span>
  );
}
