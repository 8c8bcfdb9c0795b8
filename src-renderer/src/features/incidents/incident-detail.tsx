import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Input, Space, Tag, Timeline, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { useLiveQuery } from 'dexie-react-hooks';
import { canActInMode, canSend } from '@common/auth/permissions';
import { normalizeIncident } from '@common/projection/project';
import { levelName } from '@common/rules/incident-machine';
import type { User } from '@common/schemas/user';
import { useDb } from '../../db/db-context';
import { useIncident, useIncidentNotes } from '../../db/queries';
import { connectionStore } from '../../sync/connection-store';
import { currentEngine } from '../../sync/runtime';
import { InvalidCommandError } from '../../sync/sync-engine';
import { formatDateTime } from '../../ui/format';
import { CasualtyHistory } from './casualty-history';
import { IncidentContext } from './context/incident-context';
import { casualtyLine } from './incident-feed';
import { IncidentActions, usePendingForIncident } from './incident-actions';
import { DrillBadge, GradeBadge, StateBadge } from './incident-badges';
import { IncidentDeadlines } from './incident-deadlines';
import { IncidentFacts } from './incident-facts';
import { IncidentExportButton } from './export/export-button';
import { LinkageBoard } from '../linkage/linkage-board';
import { incidentUi, useIncidentUi } from './incident-ui-store';
import { useMarkRead } from './unread-store';
import { GRADE_COLORS, buildTimeline } from './workspace-logic';
import type { TimelineEntry } from './workspace-logic';

/**
 * The incident workspace over the map: summary (grade, level, state, countdowns), the valid
 * lifecycle steps, casualties with the grade history, the timeline of every recorded step and
 * the notes, and (if allowed) an add-note box.
 */
export function IncidentDetail({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const db = useDb();
  const selectedId = useIncidentUi((s) => s.selectedId);
  const row = useIncident(selectedId);
  const incident = useMemo(() => (row ? normalizeIncident(row) : undefined), [row]);
  const notes = useIncidentNotes(selectedId);
  const pending = usePendingForIncident(selectedId ?? '');
  const enterprise = useLiveQuery(
    () => (incident?.enterpriseId ? db.enterprises.get(incident.enterpriseId) : undefined),
    [db, incident?.enterpriseId],
  );
  const status = useStore(connectionStore, (s) => s.status);
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const timeline = useMemo(() => (incident ? buildTimeline(incident, notes) : []), [incident, notes]);
  useMarkRead(incident);

  if (!selectedId || !incident) return null;
  const mayNote = canSend(user.role, 'incident.note') && canActInMode(user.role, incident.mode);
  const drill = incident.mode === 'drill';

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

  const meta = (e: { at: string; by: string; workstation: string }) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {formatDateTime(e.at, i18n.language, true)}
      {e.by ? ` · ${e.by}` : ''}
      {e.workstation ? ` · ${e.workstation}` : ''}
    </Typography.Text>
  );

  const entryContent = (e: TimelineEntry) => {
    switch (e.kind) {
      case 'state':
        return (
          <div data-testid="timeline-state" data-state={e.state}>
            <strong>{t(`states.${e.state}`)}</strong>
            {e.reason && <div className="timeline-reason">{e.reason}</div>}
          </div>
        );
      case 'level':
        return (
          <div data-testid="timeline-level">
            {t('workspace.tl.level', { level: levelName(e.level) })}
            {e.reason && <div className="timeline-reason">{e.reason}</div>}
          </div>
        );
      case 'grade':
        return (
          <div data-testid="timeline-grade">{t('workspace.tl.grade', { grade: t(`workspace.grade.${e.grade}`) })}</div>
        );
      case 'report':
        return (
          <div data-testid="timeline-report">
            {t('workspace.tl.report', {
              level: t(`workspace.reportLevel.${e.recipientLevel}`),
              recipient: e.recipient,
            })}
          </div>
        );
      case 'note':
        return (
          <div data-testid="note-item">
            <div>{e.text}</div>
          </div>
        );
    }
  };

  const colorOf = (e: TimelineEntry): string => {
    if (e.kind === 'grade') return GRADE_COLORS[e.grade];
    if (e.kind === 'note') return 'gray';
    if (e.kind === 'state' && (e.state === 'dismissed' || e.state === 'terminated')) return 'red';
    return 'blue';
  };

  return (
    <Card
      className={`incident-detail incident-workspace${drill ? ' incident-detail-drill' : ''}`}
      size="small"
      data-testid="incident-detail"
      data-incident-id={incident.id}
      data-state={incident.state}
      data-grade={incident.grade}
      title={
        <div className="workspace-head">
          <Space size={4} wrap>
            {drill && <DrillBadge />}
            <StateBadge state={incident.state} />
            <GradeBadge grade={incident.grade} />
            <span data-testid="detail-title" className="workspace-title">
              {incident.title}
            </span>
          </Space>
        </div>
      }
      extra={
        <Space size={4}>
          <IncidentExportButton incident={incident} user={user} />
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('detail.close')}
            onClick={() => incidentUi.select(null)}
          />
        </Space>
      }
    >
      {drill && <div className="workspace-drill-banner">{t('workspace.drillBanner')}</div>}
      <div className="workspace-summary">
        <div>
          <div className="workspace-label">{t('workspace.gradeLabel')}</div>
          <GradeBadge grade={incident.grade} />
        </div>
        <div>
          <div className="workspace-label">{t('workspace.level')}</div>
          <strong data-testid="response-level" data-level={incident.level ?? ''}>
            {incident.level ? t('workspace.levelValue', { level: levelName(incident.level) }) : t('workspace.noLevel')}
            {incident.level && incident.state !== 'responding' && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                ({t(`states.${incident.state}`)})
              </Typography.Text>
            )}
          </strong>
          <div
            className={`workspace-label${
              incident.level && incident.state === 'responding' && incident.suggestedLevel < incident.level
                ? ' workspace-suggest-raise'
                : ''
            }`}
            data-testid="suggested-level"
          >
            {t('workspace.suggested', { level: levelName(incident.suggestedLevel) })}
          </div>
        </div>
        <div>
          <div className="workspace-label">{t('workspace.casualties')}</div>
          <div
            data-testid="workspace-casualties"
            className={incident.casualties.deaths > 0 ? 'feed-casualties-deaths' : undefined}
          >
            {casualtyLine(incident.casualties, t)}
          </div>
        </div>
      </div>

      <IncidentActions incident={incident} user={user} />

      <Typography.Text strong>{t('workspace.deadlines')}</Typography.Text>
      <IncidentDeadlines incident={incident} />

      {incident.state !== 'reported' && <LinkageBoard incident={incident} user={user} />}

      {incident.gradeHistory.length > 1 && (
        <div className="workspace-grade-history" data-testid="grade-history">
          <Typography.Text type="secondary">{t('workspace.gradeHistory')}：</Typography.Text>
          {incident.gradeHistory.map((g) => (
            <span key={g.seq} style={{ marginInlineEnd: 8 }}>
              <GradeBadge grade={g.grade} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(g.at, i18n.language)}
              </Typography.Text>
            </span>
          ))}
        </div>
      )}

      <CasualtyHistory incident={incident} />

      <IncidentFacts incident={incident} enterpriseName={enterprise?.name} />

      <IncidentContext incident={incident} />

      <Typography.Text strong>{t('workspace.timeline')}</Typography.Text>
      <div className="detail-notes workspace-timeline" data-testid="notes">
        {timeline.length === 0 && pending.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noNotes')} />
        ) : (
          <Timeline
            items={[
              ...timeline.map((e) => ({
                key: `${e.kind}:${e.seq}:${e.kind === 'note' ? e.id : ''}`,
                color: colorOf(e),
                content: (
                  <div data-testid="timeline-entry" data-kind={e.kind}>
                    {entryContent(e)}
                    {meta(e)}
                  </div>
                ),
              })),
              ...pending.map((p) => ({
                key: p.id,
                color: 'orange',
                content: (
                  <div data-testid={p.type === 'incident.note' ? 'pending-note' : 'pending-command'} data-type={p.type}>
                    <div>
                      {p.type === 'incident.note' ? (p.payload as { text: string }).text : t(`commands.${p.type}`)}
                    </div>
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
