import { useEffect, useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge/bridge';
import { logger } from '../../logger';

/**
 * Mutes alert sounds at this workstation (the `muted` setting: settings.json in the desktop app,
 * localStorage in a browser). Notifications still appear, silently.
 */
export function MuteToggle() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [muted, setMuted] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    bridge()
      .getSettings()
      .then((s) => live && setMuted(s.muted))
      .catch((error: unknown) => logger.warn('could not read the mute setting', error));
    return () => {
      live = false;
    };
  }, []);

  const toggle = async () => {
    const next = !muted;
    const result = await bridge().setSettings({ muted: next });
    if (result.ok) setMuted(result.settings.muted);
    else void message.error(result.error.message);
  };

  const label = muted ? t('alerts.unmute') : t('alerts.mute');
  return (
    <Tooltip title={label}>
      <Button
        icon={muted ? <MutedOutlined /> : <SoundOutlined />}
        onClick={() => void toggle()}
        disabled={muted === null}
        aria-label={label}
        aria-pressed={muted === true}
        danger={muted === true}
        data-testid="alerts-mute"
        data-muted={muted === true ? 'true' : 'false'}
      />
    </Tooltip>
  );
}
