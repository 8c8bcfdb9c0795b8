import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge';
import { LoginScreen } from '../features/session/login-screen';
import { setLanguage } from '../i18n/i18n';
import { UI_FONT_STACK } from '../map/fonts';
import { sessionStore } from '../sync/session';
import { prefersReducedMotion } from '../ui/motion';
import { MainScreen } from './main-screen';

export function AppRoot() {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(false);
  const session = useStore(sessionStore, (s) => s.session);
  const endedReason = useStore(sessionStore, (s) => s.endedReason);
  const [motion] = useState(() => !prefersReducedMotion());

  useEffect(() => {
    void bridge()
      .getSettings()
      .then((settings) => setLanguage(settings.language))
      .finally(() => setReady(true));
  }, []);

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // NOTE: antd's transitions (drawers, modals, waves) are off when the user asks for reduced motion.
      // zeroRuntime: components take their styles from antd/dist/antd.css (main.tsx) instead of
      // generating and injecting CSS as each one first renders; the theme still reaches them as CSS
      // variables. The runtime styles cost ~250 ms of the first screen's render on this machine.
      theme={{
        token: { fontFamily: UI_FONT_STACK, colorPrimary: '#1d4f91', borderRadius: 4, motion },
        zeroRuntime: true,
      }}
    >
      <AntApp className="app-root">
        {!ready ? null : session ? (
          <MainScreen key={session.token} session={session} />
        ) : (
          <LoginScreen endedReason={endedReason} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
