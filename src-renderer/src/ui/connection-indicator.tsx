import { useEffect, useState } from 'react';
import { Badge, Button, List, Popover, Space, Tag, Tooltip } from 'antd';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { useFailedCommands } from '../db/queries';
import { connectionStore } from '../sync/connection-store';
import type { ConnectionStatus } from '../sync/connection-store';
import { currentEngine } from '../sync/runtime';
import { formatDateTime } from './format';

const STATUS_COLORS: Record<ConnectionStatus, string> = {
  online: '#52c41a',
  connecting: '#1677ff',
  reconnecting: '#fa8c16',
  offline: '#f5222d',
};

/** Always visible: link state, unsent commands, refused commands, when the last event came. */
export function ConnectionIndicator() {
  const { t, i18n } = useTranslation();
  const status = useStore(connectionStore, (s) => s.status);
  const outboxCount = useStore(connectionStore, (s) => s.outboxCount);
  const failedCount = useStore(connectionStore, (s) => s.failedCount);
  const lastEventAt = useStore(connectionStore, (s) => s.lastEventAt);
  const lastSeq = useStore(connectionStore, (s) => s.lastSeq);
  const catchUp = useStore(connectionStore, (s) => s.catchUp);
  const lastError = useStore(connectionStore, (s) => s.lastError);
  const age = useAgeSeconds(lastEventAt);

  return (
    <Space size={12} className="connection-indicator" data-testid="connection">
      <Tooltip title={lastError ?? `seq ${lastSeq}`}>
        <span className="conn-status" data-testid="connection-status" data-status={status}>
          <Badge color={STATUS_COLORS[status]} status={status === 'online' ? 'processing' : 'default'} />
          <span style={{ color: STATUS_COLORS[status], fontWeight: 600 }}>{t(`header.${status}`)}</span>
        </span>
      </Tooltip>
      {catchUp && (
        <span data-testid="sync-progress">{t('header.syncing', { done: catchUp.toSeq, head: catchUp.headSeq })}</span>
      )}
      <Tag color={outboxCount > 0 ? 'orange' : 'default'} data-testid="outbox" data-count={outboxCount}>
        {t('header.outbox', { count: outboxCount })}
      </Tag>
      {failedCount > 0 && <FailedCommands count={failedCount} />}
      <span className="last-event" data-testid="last-event" title={lastEventAt ?? ''}>
        {lastEventAt
          ? t('header.lastEvent', { time: formatDateTime(lastEventAt, i18n.language, true) })
          : t('header.lastEventNone')}
        {age !== null && age >= 60 ? ` (${Math.floor(age / 60)} min)` : ''}
      </span>
    </Space>
  );
}

function FailedCommands({ count }: { count: number }) {
  const { t, i18n } = useTranslation();
  const failed = useFailedCommands();
  const content = (
    <List
      size="small"
      style={{ width: 420, maxHeight: 360, overflow: 'auto' }}
      dataSource={failed}
      locale={{ emptyText: t('header.failedEmpty') }}
      renderItem={(f) => (
        <List.Item
          data-testid="failed-command"
          actions={[
            <Button key="dismiss" size="small" onClick={() => void currentEngine().dismissFailure(f.id)}>
              {t('header.dismiss')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={`${t(`commands.${f.type}`)} · ${formatDateTime(f.failedAt, i18n.language, true)}`}
            description={`${f.error.message} (${f.error.code})`}
          />
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('header.failedTitle')} trigger="click" placement="bottomRight">
      <Tag color="red" style={{ cursor: 'pointer' }} data-testid="failed-count" data-count={count}>
        {t('header.failed', { count })}
      </Tag>
    </Popover>
  );
}

/** Seconds since the last event, ticking, so a frozen feed is visible as such. */
function useAgeSeconds(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return null;
  return Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
}
