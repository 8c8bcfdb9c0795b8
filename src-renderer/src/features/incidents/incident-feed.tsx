import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Casualties, Incident } from '@common/schemas/incident';
import { useIncidents, usePendingCommands } from '../../db/queries';
import { useMapInstance } from '../../map/map-context';
import { categoryLabel, formatDateTime } from '../../ui/format';
import { DrillBadge, StateBadge } from './incident-badges';
import { incidentUi, useIncidentUi } from './incident-ui-store';

export function casualtyLine(c: Casualties, t: (k: string, o?: Record<string, unknown>) => string): string {
  const any = c.deaths + c.seriousInjuries + c.injured + c.missing + c.trapped > 0;
  return any ? t('feed.casualties', { ...c }) : t('feed.noCasualties');
}

/** Live incidents, newest first; reports still in the outbox on top, marked unsent. */
export function IncidentFeed({ canReport }: { canReport: boolean }) {
  const { t, i18n } = useTranslation();
  const incidents = useIncidents();
  const pending = usePendingCommands('incident.report');
  const selectedId = useIncidentUi((s) => s.selectedId);
  const map = useMapInstance();
  const known = new Set(incidents.map((i) => i.id));
  const unsent = pending.filter((p) => !known.has(p.payload.incidentId)).reverse();

  const open = (incident: Incident) => {
    incidentUi.select(incident.id);
    map?.flyTo({
      center: [incident.location.lng, incident.location.lat],
      zoom: Math.max(map.getZoom(), 11),
      essential: true,
    });
  };

  return (
    <section className="feed" data-testid="incident-feed">
      <div className="feed-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('feed.title')} <Tag>{incidents.length}</Tag>
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
                onClick={() => open(incident)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') open(incident);
                }}
              >
                <Space size={4} wrap>
                  {incident.mode === 'drill' && <DrillBadge />}
                  <StateBadge state={incident.state} />
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
