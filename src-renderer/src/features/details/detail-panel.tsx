import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Button, Card, Tag, Tooltip } from 'antd';
import { AimOutlined, ArrowLeftOutlined, CloseOutlined, RadarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMapController } from '../../map/map-context';
import { usePlaceData, useTeamData } from '../spatial/place-data';
import { HazardSourceDetail } from './hazard-source-detail';
import { panelStore, panels, usePanels } from './panel-store';
import type { DetailRef } from './panel-store';
import { PlanDetail } from './plan-detail';
import { DepotDetail, EnterpriseDetail, ReceptorDetail, ShelterDetail, TeamDetail } from './place-details';
import { useLocate } from './use-show';
import './panels.css';

/** The detail of the selected place or plan; incidents keep their own card (features/incidents). */
export function DetailPanel() {
  const { t } = useTranslation();
  const detail = usePanels((s) => s.detail);
  const canGoBack = usePanels((s) => s.history.length > 0);
  const controller = useMapController();
  const locate = useLocate();
  const body = useDetailBody(detail);

  // Highlight the feature on the map while its panel is open (a plan highlights its enterprise).
  const at = detail ? locate(detail) : null;
  const feature = at?.feature ?? null;
  const featureKey = feature ? `${feature.layer}|${feature.id}` : null;
  useEffect(() => {
    if (!controller) return;
    const [layer, id] = featureKey ? (featureKey.split('|') as [never, string]) : [];
    controller.select(layer && id ? { layer, id } : null);
    return () => controller.select(null);
  }, [controller, featureKey]);

  useEffect(() => {
    if (!detail) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const { measuring, picking } = panelStore.getState();
      // NOTE: Esc first ends a measurement or a pick (map-bridge.tsx); only then closes the panel.
      if (e.key !== 'Escape' || measuring || picking) return;
      if (!(target && ['INPUT', 'TEXTAREA'].includes(target.tagName))) panels.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [detail]);

  if (!detail) return null;
  return (
    <Card
      className={`place-detail place-detail-${detail.kind}`}
      size="small"
      data-testid="place-detail"
      data-kind={detail.kind}
      data-id={detail.id}
      title={
        <div className="place-detail-title">
          <Tag className="place-detail-kind">{t(`panels.kindOne.${detail.kind}`)}</Tag>
          <span data-testid="place-detail-name" title={body?.name}>
            {body?.name ?? t('panels.detail.notFound')}
          </span>
        </div>
      }
      extra={
        <span className="place-detail-actions">
          {canGoBack && (
            <Tooltip title={t('panels.detail.back')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowLeftOutlined />}
                aria-label={t('panels.detail.back')}
                onClick={panels.back}
                data-testid="place-detail-back"
              />
            </Tooltip>
          )}
          {at && (
            <Tooltip title={t('panels.detail.flyTo')}>
              <Button
                type="text"
                size="small"
                icon={<AimOutlined />}
                aria-label={t('panels.detail.flyTo')}
                onClick={() => controller?.flyTo(at.lngLat)}
                data-testid="place-detail-locate"
              />
            </Tooltip>
          )}
          {at && (
            <Tooltip title={t('panels.detail.around')}>
              <Button
                type="text"
                size="small"
                icon={<RadarChartOutlined />}
                aria-label={t('panels.detail.around')}
                onClick={() => panels.around('radius', detail, at.lngLat)}
                data-testid="place-detail-around"
              />
            </Tooltip>
          )}
          <Tooltip title={t('panels.detail.close')}>
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('panels.detail.close')}
              onClick={panels.close}
              data-testid="place-detail-close"
            />
          </Tooltip>
        </span>
      }
    >
      {body?.content ?? <span className="panel-muted">{t('panels.detail.notFound')}</span>}
    </Card>
  );
}

/** The row of a detail, read from the replica views, and its panel body. */
function useDetailBody(detail: DetailRef | null): { name: string; content: ReactNode } | null {
  const data = usePlaceData();
  const teams = useTeamData();
  if (!detail) return null;
  const { id } = detail;
  switch (detail.kind) {
    case 'enterprises': {
      const row = data.byId.enterprises.get(id);
      return row ? { name: row.name, content: <EnterpriseDetail enterprise={row} /> } : null;
    }
    case 'hazardSources': {
      const row = data.byId.hazardSources.get(id);
      return row ? { name: row.name, content: <HazardSourceDetail hazardSource={row} /> } : null;
    }
    case 'rescueTeams': {
      const row = teams.byId.get(id);
      return row ? { name: row.name, content: <TeamDetail team={row} /> } : null;
    }
    case 'plans': {
      const row = data.byId.plans.get(id);
      return row ? { name: row.name, content: <PlanDetail plan={row} /> } : null;
    }
    case 'shelters': {
      const row = data.byId.shelters.get(id);
      return row ? { name: row.name, content: <ShelterDetail shelter={row} /> } : null;
    }
    case 'supplyDepots': {
      const row = data.byId.supplyDepots.get(id);
      return row ? { name: row.name, content: <DepotDetail depot={row} /> } : null;
    }
    case 'receptors': {
      const row = data.byId.receptors.get(id);
      return row ? { name: row.name, content: <ReceptorDetail receptor={row} /> } : null;
    }
  }
}
