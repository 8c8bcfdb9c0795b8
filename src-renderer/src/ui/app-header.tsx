import { Button, Space, Tag, Typography } from 'antd';
import { AlertOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@common/schemas/user';
import { MuteToggle } from '../features/alerts/mute-toggle';
import { DutyLogButton } from '../features/duty/duty-drawer';
import { SettingsButton } from '../features/settings/settings-drawer';
import { SearchBox } from '../features/search/search-box';
import { ConnectionIndicator } from './connection-indicator';
import { LanguageSwitch } from './language-switch';

export function AppHeader({ user, onLogout }: { user: User; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="app-header" data-testid="app-header">
      <Space size={10} align="center">
        <AlertOutlined className="app-logo" aria-hidden />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="app-name">
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.nameShort')}</Typography.Text>
        <Tag color="gold" data-testid="fictional-notice">
          {t('app.fictional')}
        </Tag>
      </Space>
      <SearchBox />
      <Space size={16} align="center" className="app-header-status">
        <ConnectionIndicator />
        <DutyLogButton user={user} />
        <span data-testid="current-user">
          <UserOutlined /> {user.displayName} · <Tag>{t(`roles.${user.role}`)}</Tag>
        </span>
        <LanguageSwitch icon={<GlobalOutlined />} />
        <MuteToggle />
        <SettingsButton />
        <Button icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Space>
    </header>
  );
}
