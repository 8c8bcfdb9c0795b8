import { Badge, Button, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCIDENT_GRADE_CODES } from '@common/domain/accident-reporting-regulation';
import { TOWNSHIPS } from '@common/domain/county';
import { normalizeIncident } from '@common/projection/project';
import { IncidentStateSchema } from '@common/schemas/incident';
import type { Casualties, Incident } from '@common/schemas/incident';
import { useDb } from '../../db/db-context';
import { useIncidents, usePendingCommands } from '../../db/queries';
import { useMapController } from '../../map/map-context';
import { connectionStore } from '../../sync/connection-store';
import { categoryLabel, formatDateTime } from '../../ui/format';
import { DrillBadge, GradeBadge, StateBadge } from './incident-badges';
import { GRADE_COLORS, matchesFilter } from './workspace-logic';
import type { IncidentFilter } from './workspace-logic';
import { incidentUi, useIncidentUi } from './incident-ui-store';
import { unread, useIsUnread } from './unread-store';
import { ownReports } from '../alerts/alert';
import { useCaughtUp } from '../alerts/use-caught-up';

export function casualtyLine(c: Casualties, t: (k: string, o?: Record<string, unknown>) => string): string {
  const any = c.deaths + c.seriousInjuries + c.injured + c.missing + c.trapped > 0;
  return any ? t('feed.casualties', { ...c }) : t('feed.noCasualties');
}

/** Live incidents, newest first; reports still in the outbox on top, marked unsent. */
export function IncidentFeed({ canReport }: { canReport: boolean }) {
  const { t, i18n } = useTranslation();
  const rows = useIncidents();
  const filter = useIncidentUi((s) => s.filter);
  const all = useMemo(() => rows.map(normalizeIncident), [rows]);
  const incidents = useMemo(() => all.filter((i) => matchesFilter(i, filter)), [all, filter]);
  const pending = usePendingCommands('incident.report');
  const selectedId = useIncidentUi((s) => s.selectedId);
  const controller = useMapController();
  const known = new Set(all.map((i) => i.id));
  const unsent = pending.filter((p) => !known.has(p.payload.incidentId)).reverse();
  const db = useDb();
  const caughtUp = useCaughtUp();
  const isUnread = useIsUnread();

  // The read marks of this user here; a first use starts them at what the replica holds once caught up.
  useEffect(() => {
    unread.load(db.name, caughtUp ? connectionStore.getState().lastSeq : null);
  }, [db, caughtUp]);
  // One's own report, as it arrives, is not news to oneself.
  useEffect(() => {
    const own = ownReports.ids();
    for (const r of all) if (own.has(r.id) && r.lastSeq === r.stateHistory[0]?.seq) unread.markRead(r.id, r.lastSeq);
  }, [all]);

  const open = (incident: Incident) => {
    incidentUi.select(incident.id);
    controller?.flyTo(incident.location, 11);
  };

  return (
    <section className="feed" data-testid="incident-feed">
      <div className="feed-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('feed.title')}{' '}
          <Tag data-testid="feed-count">
            {incidents.length === all.length ? all.length : `${incidents.length}/${all.length}`}
          </Tag>
        </Typography.Title>
        {canReport && (
          <Button
            type="primary"
            danger
            icon={<PlusOutlined />}
            onClick={incidentUi.openReport}
            data-testid="report-open"
          >
            {t('feed.report')}
          </Button>
        )}
      </div>
      <FeedFilters filter={filter} />
      <div className="feed-list">
        {unsent.map((p) => (
          <div key={p.id} className="feed-item feed-item-pending" data-testid="pending-incident">
            <Space size={4} wrap>
              <Tag color="orange">{t('feed.pending')}</Tag>
              {p.payload.mode === 'drill' && <DrillBadge />}
              <strong>{p.payload.report.title}</strong>
            </Space>
            <div className="feed-meta">
              {categoryLabel(p.payload.report.category, i18n.language)} ·{' '}
              {formatDateTime(p.payload.report.occurredAt, i18n.language)}
            </div>
          </div>
        ))}
        {incidents.length === 0 && unsent.length === 0 ? (
          <Empty description={t('feed.empty')} />
        ) : (
          <List
            dataSource={incidents}
            split={false}
            renderItem={(incident) => (
              <div
                key={incident.id}
                role="button"
                tabIndex={0}
                className={`feed-item${incident.mode === 'drill' ? ' feed-item-drill' : ''}${
                  incident.id === selectedId ? ' feed-item-selected' : ''
                }`}
                data-testid="incident-item"
                data-incident-id={incident.id}
                data-mode={incident.mode}
                data-grade={incident.grade}
                data-unread={isUnread(incident) ? 'true' : 'false'}
                style={incident.mode === 'drill' ? undefined : { borderLeftColor: GRADE_COLORS[incident.grade] }}
                onClick={() => open(incident)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') open(incident);
                }}
              >
                <Space size={4} wrap>
                  {isUnread(incident) && (
                    <Badge
                      status="processing"
                      color="#1677ff"
                      title={t('unread.marker')}
                      aria-label={t('unread.label')}
                      data-testid="unread-marker"
                    />
                  )}
                  {incident.mode === 'drill' && <DrillBadge />}
                  <StateBadge state={incident.state} />
                  <GradeBadge grade={incident.grade} />
                  <strong className="feed-title">{incident.title}</strong>
                </Space>
                <div className="feed-meta">
                  <Tag bordered={false}>{categoryLabel(incident.category, i18n.language)}</Tag>
                  {formatDateTime(incident.occurredAt, i18n.language)}
                  {incident.noteCount > 0 && (
                    <span className="feed-notes">
                      {' · '}
                      <FileTextOutlined /> {incident.noteCount}
                    </span>
                  )}
                </div>
                <div className={`feed-casualties${incident.casualties.deaths > 0 ? ' feed-casualties-deaths' : ''}`}>
                  {casualtyLine(incident.casualties, t)}
                </div>
              </div>
            )}
          />
        )}
      </div>
    </section>
  );
}

/** Filter by state (or all open), grade, real vs drill and township; kept in the UI store, not replicated. */
function FeedFilters({ filter }: { filter: IncidentFilter }) {
  const { t, i18n } = useTranslation();
  const all = { value: 'all', label: `${t('workspace.filter.state')}: ${t('workspace.filter.all')}` };
  return (
    <div className="feed-filters" data-testid="feed-filters">
      <Select
        size="small"
        value={filter.state}
        onChange={(state: IncidentFilter['state']) => incidentUi.setFilter({ state })}
        data-testid="feed-filter-state"
        popupMatchSelectWidth={false}
        options={[
          all,
          { value: 'open', label: t('workspace.filter.open') },
          ...IncidentStateSchema.options.map((s) => ({ value: s, label: t(`states.${s}`) })),
        ]}
      />
      <Select
        size="small"
        value={filter.grade}
        onChange={(grade: IncidentFilter['grade']) => incidentUi.setFilter({ grade })}
        data-testid="feed-filter-grade"
        popupMatchSelectWidth={false}
        options={[
          { value: 'all', label: `${t('workspace.filter.grade')}: ${t('workspace.filter.all')}` },
          ...ACCIDENT_GRADE_CODES.map((g) => ({ value: g, label: t(`workspace.grade.${g}`) })),
        ]}
      />
      <Select
        size="small"
        value={filter.mode}
        onChange={(mode: IncidentFilter['mode']) => incidentUi.setFilter({ mode })}
        data-testid="feed-filter-mode"
        popupMatchSelectWidth={false}
        options={[
          { value: 'all', label: `${t('workspace.filter.mode')}: ${t('workspace.filter.all')}` },
          { value: 'real', label: t('workspace.filter.real') },
          { value: 'drill', label: t('workspace.filter.drill') },
        ]}
      />
      <Select
        size="small"
        value={filter.township}
        onChange={(township: IncidentFilter['township']) => incidentUi.setFilter({ township })}
        data-testid="feed-filter-township"
        popupMatchSelectWidth={false}
        options={[
          { value: 'all', label: `${t('workspace.filter.township')}: ${t('workspace.filter.all')}` },
          ...TOWNSHIPS.map((tw) => ({ value: tw.code, label: i18n.language === 'en' ? tw.nameEn : tw.nameZh })),
        ]}
      />
    </div>
  );
}
