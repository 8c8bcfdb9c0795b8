import { useMemo, useState } from 'react';
import { Alert, Button, Segmented, Select, Space } from 'antd';
import { AimOutlined, ClearOutlined, ColumnWidthOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { distanceKm } from '@common/geo';
import type { SpatialHit } from '@common/geo';
import { TeamTypeSchema } from '@common/schemas/rescue-team';
import type { TeamType } from '@common/schemas/rescue-team';
import { Km, TeamStatusTag, formatKm } from '../details/detail-parts';
import { RADIUS_CHOICES_KM, isPlaceRef, panels, usePanels } from '../details/panel-store';
import type { DetailRef, PlaceKind, QueryCenter, RadiusKm, SpatialTool } from '../details/panel-store';
import { useShow } from '../details/use-show';
import { NEAREST_TEAM_COUNT } from './map-bridge';
import { usePlaceData, useTeamData } from './place-data';
import type { PlaceData, TeamData } from './place-data';
import { groupWithin, measure } from './spatial-logic';

/** Rows shown per kind before "n more". */
const GROUP_PREVIEW = 8;

type Named = { id: string; name: string };

function nameOf(ref: DetailRef, data: PlaceData, teams: TeamData): string {
  if (ref.kind === 'rescueTeams') return teams.byId.get(ref.id)?.name ?? ref.id;
  return data.byId[ref.kind].get(ref.id)?.name ?? ref.id;
}

/** The three spatial tools: everything within N km, nearest available teams of a type, measure. */
export function SpatialTools() {
  const { t } = useTranslation();
  const tool = usePanels((s) => s.tool);
  return (
    <div className="spatial-tools" data-testid="spatial-tools">
      <Segmented<SpatialTool>
        block
        value={tool}
        onChange={(v) => panels.setTool(v)}
        options={[
          { value: 'radius', label: <span data-testid="tool-radius">{t('panels.spatial.radius')}</span> },
          { value: 'nearest', label: <span data-testid="tool-nearest">{t('panels.spatial.nearest')}</span> },
          { value: 'measure', label: <span data-testid="tool-measure">{t('panels.spatial.measure')}</span> },
        ]}
      />
      <div className="spatial-body">
        {tool === 'measure' ? (
          <MeasureTool />
        ) : (
          <>
            <CenterPicker />
            {tool === 'radius' ? <RadiusTool /> : <NearestTeamsTool />}
          </>
        )}
      </div>
    </div>
  );
}

function CenterPicker() {
  const { t } = useTranslation();
  const data = usePlaceData();
  const teams = useTeamData();
  const center = usePanels((s) => s.center);
  const picking = usePanels((s) => s.picking);
  const detail = usePanels((s) => s.detail);
  const detailPlace = isPlaceRef(detail) ? detail : null;
  const detailAt = detailPlace
    ? detailPlace.kind === 'rescueTeams'
      ? teams.byId.get(detailPlace.id)?.location
      : data.byId[detailPlace.kind].get(detailPlace.id)?.location
    : undefined;
  return (
    <div className="spatial-center" data-testid="spatial-center">
      <div className="spatial-center-line">
        <span className="panel-muted">{t('panels.spatial.center')}</span>{' '}
        <strong data-testid="spatial-center-name">
          {center ? centerLabel(center, data, teams, t) : <span className="panel-muted">—</span>}
        </strong>
      </div>
      {picking ? (
        <Alert
          type="info"
          showIcon
          title={t('panels.spatial.picking')}
          action={
            <Button size="small" onClick={panels.cancelPicking}>
              {t('panels.spatial.cancel')}
            </Button>
          }
        />
      ) : (
        <Space wrap size={6}>
          <Button size="small" icon={<AimOutlined />} onClick={panels.startPicking} data-testid="spatial-pick">
            {t('panels.spatial.pickPoint')}
          </Button>
          {detailPlace && detailAt && (
            <Button
              size="small"
              onClick={() => panels.setCenter({ lngLat: detailAt, from: detailPlace })}
              data-testid="spatial-use-detail"
            >
              {nameOf(detailPlace, data, teams)}
            </Button>
          )}
          {center && (
            <Button size="small" icon={<ClearOutlined />} onClick={() => panels.setCenter(null)}>
              {t('panels.spatial.measureClear')}
            </Button>
          )}
        </Space>
      )}
      {!center && !picking && <div className="panel-muted spatial-empty">{t('panels.spatial.noCenter')}</div>}
    </div>
  );
}

function centerLabel(center: QueryCenter, data: PlaceData, teams: TeamData, t: TFunction) {
  if (center.from) return nameOf(center.from, data, teams);
  return t('panels.spatial.centerPoint', { lng: center.lngLat.lng.toFixed(4), lat: center.lngLat.lat.toFixed(4) });
}

function RadiusTool() {
  const { t } = useTranslation();
  const data = usePlaceData();
  const teams = useTeamData();
  const center = usePanels((s) => s.center);
  const radiusKm = usePanels((s) => s.radiusKm);
  const show = useShow();
  const [expanded, setExpanded] = useState<ReadonlySet<PlaceKind>>(new Set());

  const groups = useMemo(() => {
    if (!center) return null;
    const at = center.lngLat;
    const perKind: Partial<Record<PlaceKind, ReadonlyArray<SpatialHit<Named>>>> = {
      enterprises: data.spatial.enterprises.within(at, radiusKm),
      hazardSources: data.spatial.hazardSources.within(at, radiusKm),
      rescueTeams: teams.spatial.within(at, radiusKm),
      receptors: data.spatial.receptors.within(at, radiusKm),
      shelters: data.spatial.shelters.within(at, radiusKm),
      supplyDepots: data.spatial.supplyDepots.within(at, radiusKm),
    };
    return groupWithin(perKind, { exclude: center.from });
  }, [center, radiusKm, data.spatial, teams.spatial]);

  return (
    <>
      <div className="spatial-row">
        <span className="panel-muted">{t('panels.spatial.radiusKm')}</span>
        <Segmented<RadiusKm>
          size="small"
          value={radiusKm}
          onChange={(v) => panels.setRadius(v)}
          options={RADIUS_CHOICES_KM.map((km) => ({
            value: km,
            label: <span data-testid={`radius-${km}`}>{`${km} km`}</span>,
          }))}
        />
      </div>
      {groups && (
        <div className="spatial-results" data-testid="radius-results" data-km={radiusKm}>
          {groups.every((g) => g.total === 0) && <div className="panel-muted">{t('panels.spatial.nothing')}</div>}
          {groups.map((g) => {
            const open = expanded.has(g.kind);
            const hits = open ? g.hits : g.hits.slice(0, GROUP_PREVIEW);
            return (
              <section
                key={g.kind}
                className={`spatial-group${g.total === 0 ? ' spatial-group-empty' : ''}`}
                data-testid="radius-group"
                data-kind={g.kind}
                data-total={g.total}
              >
                <h4 className="panel-section-title">
                  {t(`panels.kinds.${g.kind}`)} <span className="spatial-count">{g.total}</span>
                </h4>
                {hits.length > 0 && (
                  <ul className="panel-list">
                    {hits.map(({ item, km }) => (
                      <li key={item.id}>
                        <button
                          type="button"
                          className="panel-link-row"
                          data-testid="radius-item"
                          data-id={item.id}
                          data-km={km}
                          onClick={() => show({ kind: g.kind, id: item.id })}
                        >
                          <span className="panel-link-name">{item.name}</span>
                          <Km km={km} />
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                {g.total > hits.length && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setExpanded(new Set([...expanded, g.kind]))}
                    data-testid="radius-more"
                  >
                    {t('panels.spatial.more', { count: g.total - hits.length })}
                  </Button>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

function NearestTeamsTool() {
  const { t } = useTranslation();
  const teams = useTeamData();
  const center = usePanels((s) => s.center);
  const teamType = usePanels((s) => s.teamType);
  const show = useShow();
  const hits = useMemo(
    () =>
      center
        ? teams.spatial.nearest(
            center.lngLat,
            NEAREST_TEAM_COUNT,
            (team) => team.type === teamType && team.status === 'available',
          )
        : null,
    [center, teams.spatial, teamType],
  );
  return (
    <>
      <div className="spatial-row">
        <span className="panel-muted">{t('panels.spatial.teamType')}</span>
        <Select<TeamType>
          size="small"
          value={teamType}
          style={{ minWidth: 170 }}
          onChange={(v) => panels.setTeamType(v)}
          options={TeamTypeSchema.options.map((type) => ({ value: type, label: t(`panels.teamType.${type}`) }))}
          data-testid="nearest-type"
        />
      </div>
      <div className="panel-muted panel-small">{t('panels.spatial.availableOnly')}</div>
      {hits && (
        <ol className="panel-list spatial-results" data-testid="nearest-results" data-type={teamType}>
          {hits.length === 0 && <li className="panel-muted">{t('panels.spatial.noneAvailable')}</li>}
          {hits.map(({ item, km }, i) => (
            <li key={item.id}>
              <button
                type="button"
                className="panel-link-row panel-link-row-2"
                data-testid="nearest-item"
                data-id={item.id}
                data-km={km}
                onClick={() => show({ kind: 'rescueTeams', id: item.id })}
              >
                <span className="panel-rank">{i + 1}</span>
                <span className="panel-link-main">
                  <span className="panel-link-name">{item.name}</span>
                  <span className="panel-link-sub">
                    {t(`panels.teamType.${item.type}`)} · {t('panels.detail.persons', { count: item.headcount })}
                    {item.phone && ` · ${item.phone}`}
                  </span>
                </span>
                <TeamStatusTag status={item.status} />
                <Km km={km} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function MeasureTool() {
  const { t } = useTranslation();
  const measuring = usePanels((s) => s.measuring);
  const points = usePanels((s) => s.measurePoints);
  const m = useMemo(() => measure(points, distanceKm), [points]);
  return (
    <div className="measure-tool" data-testid="measure-tool" data-measuring={measuring}>
      <Space wrap size={6}>
        <Button
          size="small"
          type={measuring ? 'primary' : 'default'}
          icon={<ColumnWidthOutlined />}
          onClick={panels.startMeasure}
          data-testid="measure-start"
        >
          {t('panels.spatial.measureStart')}
        </Button>
        <Button
          size="small"
          icon={<UndoOutlined />}
          disabled={points.length === 0}
          onClick={panels.undoMeasurePoint}
          data-testid="measure-undo"
        >
          {t('panels.spatial.measureUndo')}
        </Button>
        <Button
          size="small"
          icon={<ClearOutlined />}
          disabled={points.length === 0}
          onClick={panels.clearMeasure}
          data-testid="measure-clear"
        >
          {t('panels.spatial.measureClear')}
        </Button>
      </Space>
      <div className={measuring ? 'measure-hint measure-hint-active' : 'measure-hint panel-muted'}>
        {measuring ? t('panels.spatial.measureHint') : points.length > 0 ? t('panels.spatial.measureEnded') : ''}
      </div>
      {points.length === 0 ? (
        <div className="panel-muted">{t('panels.spatial.noPoints')}</div>
      ) : (
        <table className="panel-table measure-table">
          <tbody>
            {m.segments.map((km, i) => (
              <tr key={i} data-testid="measure-segment" data-km={km}>
                <td>{t('panels.spatial.segment', { n: i + 1 })}</td>
                <td className="num">{t('panels.detail.km', { km: formatKm(km) })}</td>
              </tr>
            ))}
            <tr className="measure-total" data-testid="measure-total" data-km={m.total}>
              <td>{t('panels.spatial.total')}</td>
              <td className="num">{t('panels.detail.km', { km: formatKm(m.total) })}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
