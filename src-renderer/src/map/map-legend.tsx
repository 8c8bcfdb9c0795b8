import { useState } from 'react';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RiskLevelSchema } from '@common/schemas/enterprise';
import { DRILL_COLOR, INCIDENT_STATE_COLORS } from './layer-styles';
import { legendIconUrl } from './map-icons';
import { useMapLayers } from './map-layers-store';
import {
  COVERAGE_COLORS,
  COVERAGE_STATES,
  HAZARD_GRADES,
  iconName,
  RECEPTOR_KINDS,
  RISK_COLORS,
  SECTOR_GROUP_KEYS,
  TEAM_STATUS_COLORS,
  TEAM_STATUSES,
} from './symbology';

const Dot = ({ color, ring }: { color: string; ring?: string }) => (
  <span className="legend-dot" style={{ background: color, borderColor: ring ?? '#fff' }} />
);
const Icon = ({ name, dark }: { name: string; dark?: boolean }) => (
  <img className={`legend-icon${dark ? ' legend-icon-dark' : ''}`} src={legendIconUrl(name)} alt="" />
);

/** The legend follows the colour mode (risk or plan coverage) and hides what is switched off. */
export function MapLegend() {
  const { t } = useTranslation();
  const mode = useMapLayers((s) => s.colourMode);
  const visible = useMapLayers((s) => s.visible);
  const [open, setOpen] = useState(true);
  const title = (
    <button type="button" className="legend-title" onClick={() => setOpen(!open)} data-testid="legend-toggle">
      {t('map.legend')} {open ? <DownOutlined /> : <UpOutlined />}
    </button>
  );
  if (!open)
    return (
      <div className="map-legend" data-testid="map-legend" data-mode={mode}>
        {title}
      </div>
    );
  return (
    <div className="map-legend" data-testid="map-legend" data-mode={mode}>
      {title}
      {visible.incidents && (
        <div className="legend-block">
          <div className="legend-sub">{t('layers.incidents')}</div>
          <div className="legend-row">
            <Dot color={INCIDENT_STATE_COLORS.reported} /> {t('map.incidents')}
          </div>
          <div className="legend-row">
            <Dot color={DRILL_COLOR} /> {t('layers.drill')}
          </div>
          <div className="legend-row">
            <span className="legend-pulse" /> {t('layers.newest')}
          </div>
        </div>
      )}
      {visible.enterprises && (
        <div className="legend-block" data-testid={`legend-${mode}`}>
          <div className="legend-sub">
            {t('layers.enterprises')} · {mode === 'risk' ? t('layers.byRisk') : t('layers.byCoverage')}
          </div>
          {mode === 'risk'
            ? RiskLevelSchema.options.map((level) => (
                <div className="legend-row" key={level}>
                  <Dot color={RISK_COLORS[level]} /> {t(`map.risk.${level}`)}
                </div>
              ))
            : COVERAGE_STATES.map((state) => (
                <div className="legend-row" key={state}>
                  <Dot color={COVERAGE_COLORS[state]} /> {t(`layers.coverage.${state}`)}
                </div>
              ))}
          <div className="legend-icons">
            {SECTOR_GROUP_KEYS.map((g) => (
              <span key={g} className="legend-icon-cell" title={t(`layers.sectorGroup.${g}`)}>
                <Icon name={iconName.sector(g)} dark /> {t(`layers.sectorGroup.${g}`)}
              </span>
            ))}
          </div>
        </div>
      )}
      {visible.hazardSources && (
        <div className="legend-block">
          <div className="legend-sub">{t('layers.hazardSources')}</div>
          <div className="legend-inline">
            {HAZARD_GRADES.map((g) => (
              <span key={g} className="legend-icon-cell">
                <Icon name={iconName.hazard(g)} /> {t(`layers.grade.${g}`)}
              </span>
            ))}
          </div>
        </div>
      )}
      {visible.teams && (
        <div className="legend-block">
          <div className="legend-sub">{t('layers.teams')}</div>
          <div className="legend-inline">
            {TEAM_STATUSES.filter((s) => s !== 'en_route').map((s) => (
              <span key={s} className="legend-icon-cell">
                <Dot color={TEAM_STATUS_COLORS[s]} /> {t(`layers.teamStatusValue.${s}`)}
              </span>
            ))}
          </div>
        </div>
      )}
      {(visible.shelters || visible.supplyDepots || visible.receptors) && (
        <div className="legend-block">
          <div className="legend-inline">
            {visible.shelters && (
              <span className="legend-icon-cell">
                <Icon name={iconName.shelter} /> {t('layers.shelters')}
              </span>
            )}
            {visible.supplyDepots && (
              <span className="legend-icon-cell">
                <Icon name={iconName.depot} /> {t('layers.supplyDepots')}
              </span>
            )}
          </div>
          {visible.receptors && (
            <div className="legend-inline">
              {RECEPTOR_KINDS.map((k) => (
                <span key={k} className="legend-icon-cell">
                  <Icon name={iconName.receptor(k)} /> {t(`layers.receptorKind.${k}`)}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
