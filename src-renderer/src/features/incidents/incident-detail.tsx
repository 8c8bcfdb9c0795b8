import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Input, Space, Tag, Timeline, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { canActInMode, canSend } from '@common/auth/permissions';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useIncident, useIncidentNotes, usePendingCommands } from '../../db/queries';
import { useLiveQuery } from 'dexie-react-hooks';
import { connectionStore } from '../../sync/connection-store';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { categoryLabel, formatDateTime } from '../../ui/format';
import { casualtyLine } from './incident-feed';
import { DrillBadge, StateBadge } from './incident-badges';
import { incidentUi, useIncidentUi } from './incident-ui-store';

/** A small card over the map: the selected incident, its log, and (if allowed) an add-note box. */
export function IncidentDetail({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const selectedId = useIncidentUi((s) => s.selectedId);
  const incident = useIncident(selectedId);
  const notes = useIncidentNotes(selectedId);
  const pendingNotes = usePendingCommands('incident.note').filter((p) => p.payload.incidentId === selectedId);
  const enterprise = useLiveQuery(
    () => (incident?.enterpriseId ? db.enterprises.get(incident.enterpriseId) : undefined),
    [db, incident?.enterpriseId],
  );
  const status = useStore(connectionStore, (s) => s.status);
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  if (!selectedId || !incident) return null;
  const mayNote = canSend(user.role, 'incident.note') && canActInMode(user.role, incident.mode);

  const addNote = async () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    setSaving(true);
    try {
      await currentEngine().enqueue('incident.note', { incidentId: incident.id, noteId: ulid(), text: trimmed });
      setText('');
      void message.success(
        t('detail.saved', { status: status === 'online' ? t('detail.savedOnline') : t('detail.savedOffline') }),
      );
    } catch (e) {
      void message.error(e instanceof InvalidCommandError ? e.detail : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      className={`incident-detail${incident.mode === 'drill' ? ' incident-detail-drill' : ''}`}
      size="small"
      data-testid="incident-detail"
      data-incident-id={incident.id}
      title={
        <Space size={4} wrap>
          {incident.mode === 'drill' && <DrillBadge />}
          <StateBadge state={incident.state} />
          <span data-testid="detail-title">{incident.title}</span>
        </Space>
      }
      extra={
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('detail.close')}
          onClick={() => incidentUi.select(null)}
        />
      }
    >
      <Descriptions size="small" column={1} className="detail-facts">
        <Descriptions.Item label={t('report.category')}>
          {categoryLabel(incident.category, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.occurredAt')}>
          {formatDateTime(incident.occurredAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.reportedAt')}>
          {formatDateTime(incident.reportedAt, i18n.language)} · {incident.reportedBy}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.location')}>
          {incident.location.lng.toFixed(5)}, {incident.location.lat.toFixed(5)}
        </Descriptions.Item>
        {enterprise && <Descriptions.Item label={t('detail.enterprise')}>{enterprise.name}</Descriptions.Item>}
        <Descriptions.Item label={t('report.casualties')}>{casualtyLine(incident.casualties, t)}</Descriptions.Item>
        {incident.directLossWan > 0 && (
          <Descriptions.Item label={t('detail.loss')}>
            {t('detail.lossValue', { value: incident.directLossWan })}
          </Descriptions.Item>
        )}
        {incident.description && (
          <Descriptions.Item label={t('detail.description')}>{incident.description}</Descriptions.Item>
        )}
        {(incident.reporterName || incident.reporterPhone) && (
          <Descriptions.Item label={t('detail.reporter')}>
            {incident.reporterName} {incident.reporterPhone}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text strong>{t('detail.notes')}</Typography.Text>
      <div className="detail-notes" data-testid="notes">
        {notes.length === 0 && pendingNotes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noNotes')} />
        ) : (
          <Timeline
            items={[
              ...notes.map((n) => ({
                key: n.id,
                content: (
                  <div data-testid="note-item">
                    <div>{n.text}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.at, i18n.language, true)} · {n.byName}
                      {n.workstation ? ` · ${n.workstation}` : ''}
                    </Typography.Text>
                  </div>
                ),
              })),
              ...pendingNotes.map((p) => ({
                key: p.id,
                color: 'orange',
                content: (
                  <div data-testid="pending-note">
                    <div>{p.payload.text}</div>
                    <Tag color="orange">{t('feed.pending')}</Tag>
                  </div>
                ),
              })),
            ]}
          />
        )}
      </div>
      {mayNote ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('detail.notePlaceholder')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={4000}
            data-testid="note-input"
            onPressEnter={(e) => {
              if (!e.shiftKey) {
                e.preventDefault();
                void addNote();
              }
            }}
          />
          <Button type="primary" loading={saving} onClick={() => void addNote()} data-testid="note-submit">
            {t('detail.send')}
          </Button>
        </Space.Compact>
      ) : (
        <Typography.Text type="secondary">{t('detail.readOnly')}</Typography.Text>
      )}
    </Card>
  );
}
