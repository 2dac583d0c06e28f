import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../lib/i18n.ts';

/** ID / EN; `onChanged` lets a logged-in layout remember the choice in the profile. */
export function LanguageSwitch({ onChanged }: { onChanged?: (lng: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(value) => {
        const lng: Language = value === 'en' ? 'en' : 'id';
        void setLanguage(lng);
        onChanged?.(lng);
      }}
      data={[
        { value: 'id', label: t('language.idShort') },
        { value: 'en', label: t('language.enShort') },
      ]}
    />
  );
}
