import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, currentLanguage, type AppLanguage } from '../i18n';

interface LanguageSwitchProps {
  /** Called after the language changed, e.g. to save it on the user's profile. */
  onChange?: ((language: AppLanguage) => void) | undefined;
}

/** One button that offers the other language, named in that language ("English" / "Norsk bokmål"). */
export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const other: AppLanguage = currentLanguage() === 'nb' ? 'en' : 'nb';
  const switchTo = async () => {
    await applyLanguage(other);
    onChange?.(other);
  };
  return (
    <Button variant="tertiary" data-size="sm" lang={other} onClick={() => void switchTo()} className="language-switch">
      {t(`language.${other}`)}
    </Button>
  );
}
