import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge/bridge';
import { logger } from '../../logger';
import { LoginError, login } from '../../sync/session';
import { LanguageSwitch } from '../../ui/language-switch';

type LoginForm = { username: string; password: string; workstation: string };

/** The accounts the demo hub seeds (fictional people). */
const DEMO_ACCOUNTS: Array<[string, string, string]> = [
  ['duty', 'duty123', 'duty_officer'],
  ['commander', 'commander123', 'commander'],
  ['drill', 'drill123', 'drill_coordinator'],
  ['wall', 'wall123', 'wall'],
  ['admin', 'admin123', 'admin'],
  ['fire', 'fire123', 'liaison'],
  ['police', 'police123', 'liaison'],
  ['health', 'health123', 'liaison'],
  ['changan', 'changan123', 'liaison'],
];

export function LoginScreen({ endedReason }: { endedReason: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [hubUrl, setHubUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const [settings, connection] = await Promise.all([bridge().getSettings(), bridge().getHubConnection()]);
      form.setFieldsValue({ username: settings.username, workstation: settings.workstation });
      if (connection.ok) setHubUrl(connection.hubUrl);
      else setError(connection.error.message);
    })();
  }, [form]);

  const onFinish = async (values: LoginForm) => {
    if (!hubUrl) return;
    setBusy(true);
    setError(null);
    try {
      const username = values.username.trim().toLowerCase();
      const workstation = values.workstation.trim();
      await login(hubUrl, { username, password: values.password, workstation });
      const saved = await bridge().setSettings({ username, workstation });
      if (!saved.ok) logger.warn(`settings not saved: ${saved.error.message}`);
    } catch (e) {
      if (e instanceof LoginError) {
        setError(
          e.code === 'unauthorized'
            ? t('login.failedUnauthorized')
            : e.code === 'network'
              ? t('login.failedNetwork', { message: e.message })
              : t('login.failed', { message: e.message }),
        );
      } else {
        setError(t('login.failed', { message: String(e) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page" data-testid="login-screen">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('app.nameShort')}</Typography.Text>
          <Tag color="gold" data-testid="fictional-notice">
            {t('app.fictional')}
          </Tag>
        </Space>
        {endedReason && <Alert type="warning" showIcon title={t('login.sessionEnded')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Form.Item name="workstation" label={t('login.workstation')} initialValue="">
            <Input placeholder={t('login.workstationHint')} maxLength={100} data-testid="login-workstation" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} disabled={!hubUrl} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 4, fontSize: 12 }}>
          {t('login.hub')}: {hubUrl ?? '…'}
        </Typography.Paragraph>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {t('login.demoHint')} · {t('app.fictional')}
        </Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r[0]}
          dataSource={DEMO_ACCOUNTS}
          showHeader={false}
          style={{ marginTop: 4 }}
          onRow={(r) => ({
            style: { cursor: 'pointer' },
            onClick: () => form.setFieldsValue({ username: r[0], password: r[1] }),
          })}
          columns={[
            { key: 'u', render: (_, r) => <code>{r[0]}</code> },
            { key: 'p', render: (_, r) => <code>{r[1]}</code> },
            { key: 'r', render: (_, r) => t(`roles.${r[2]}`) },
          ]}
        />
      </Card>
    </div>
  );
}
