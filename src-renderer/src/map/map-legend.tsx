import { useTranslation } from 'react-i18next';
import { RiskLevelSchema } from '@common/schemas/enterprise';
import { DRILL_COLOR, INCIDENT_STATE_COLORS, RISK_COLORS, TEAM_COLOR } from './layer-styles';

export function MapLegend() {
  const { t } = useTranslation();
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="legend-title">{t('map.legend')}</div>
      <div className="legend-row">
        <span className="legend-dot legend-incident" style={{ background: INCIDENT_STATE_COLORS.reported }} />
        {t('map.incidents')}
      </div>
      <div className="legend-row">
        <span className="legend-dot legend-incident" style={{ background: DRILL_COLOR }} />
        {t('feed.drill')}
      </div>
      <div className="legend-row">
        <span className="legend-dot" style={{ background: '#fff', border: `3px solid ${TEAM_COLOR}` }} />
        {t('map.teams')}
      </div>
      <div className="legend-sub">{t('map.enterprises')}</div>
      {RiskLevelSchema.options.map((level) => (
        <div className="legend-row" key={level}>
          <span className="legend-dot" style={{ background: RISK_COLORS[level] }} />
          {t(`map.risk.${level}`)}
        </div>
      ))}
    </div>
  );
}
