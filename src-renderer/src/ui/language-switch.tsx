import type { ReactNode } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge';
import { setLanguage } from '../i18n/i18n';
import { logger } from '../logger';

/** Switches between 简体中文 and English, and remembers it in the workstation's settings. */
export function LanguageSwitch({ icon }: { icon?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  const onClick = () => {
    setLanguage(next);
    void bridge()
      .setSettings({ language: next })
      .then((r) => {
        if (!r.ok) logger.warn(`could not save the language: ${r.error.message}`);
      });
  };
  return (
    <Button icon={icon} onClick={onClick} data-testid="language-switch">
      {t('header.language')}
    </Button>
  );
}
