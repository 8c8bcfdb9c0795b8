import { useState } from 'react';
import { Badge, Button, Checkbox, Segmented, Select } from 'antd';
import { FilterOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TOWNSHIPS } from '@common/domain/county';
import { RiskLevelSchema } from '@common/schemas/enterprise';
import { THEMATIC_LAYERS } from './map-controller';
import type { ThematicLayer } from './map-controller';
import { activeFilterCount, mapLayers, useMapLayers } from './map-layers-store';
import type { ColourMode } from './map-layers-store';
import { legendIconUrl } from './map-icons';
import {
  COVERAGE_COLORS,
  HAZARD_GRADES,
  iconName,
  RISK_COLORS,
  SECTOR_GROUP_KEYS,
  SECTOR_GROUPS,
  TEAM_STATUSES,
} from './symbology';

/** A small swatch for each layer's toggle: the same drawing as on the map. */
function LayerSwatch({ layer }: { layer: ThematicLayer }) {
  const colourMode = useMapLayers((s) => s.colourMode);
  const icon: Partial<Record<ThematicLayer, string>> = {
    hazardSources: iconName.hazard(2),
    teams: iconName.team('fire_station', 'available'),
    shelters: iconName.shelter,
    supplyDepots: iconName.depot,
    receptors: iconName.receptor('school'),
  };
  const name = icon[layer];
  if (name) return <img className="layer-swatch" src={legendIconUrl(name)} alt="" />;
  const color = layer === 'incidents' ? '#cf1322' : colourMode === 'risk' ? RISK_COLORS.major : COVERAGE_COLORS.current;
  return <span className="layer-swatch layer-swatch-dot" style={{ background: color }} />;
}

/** Layer toggles, the enterprise colour mode and the filters. Everything here changes what the map renders. */
export function MapLayerPanel() {
  const { t, i18n } = useTranslation();
  const visible = useMapLayers((s) => s.visible);
  const filters = useMapLayers((s) => s.filters);
  const colourMode = useMapLayers((s) => s.colourMode);
  const [open, setOpen] = useState(true);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = activeFilterCount(filters);

  if (!open)
    return (
      <div className="map-layer-panel map-layer-panel-closed">
        <Button size="small" onClick={() => setOpen(true)} data-testid="layers-open">
          {t('layers.title')}
        </Button>
      </div>
    );

  return (
    <div className="map-layer-panel" data-testid="layer-panel">
      <div className="layer-panel-head">
        <strong>{t('layers.title')}</strong>
        <Button size="small" type="text" icon={<UpOutlined />} onClick={() => setOpen(false)} aria-label="collapse" />
      </div>
      {THEMATIC_LAYERS.map((layer) => (
        <div className="layer-row" key={layer}>
          <Checkbox
            checked={visible[layer]}
            onChange={(e) => mapLayers.setVisible(layer, e.target.checked)}
            data-testid={`layer-toggle-${layer}`}
          >
            <LayerSwatch layer={layer} /> {t(`layers.${layer}`)}
          </Checkbox>
        </div>
      ))}
      <div className="layer-section">{t('layers.colourMode')}</div>
      <Segmented<ColourMode>
        size="small"
        block
        value={colourMode}
        onChange={mapLayers.setColourMode}
        options={[
          { value: 'risk', label: <span data-testid="colour-mode-risk">{t('layers.byRisk')}</span> },
          { value: 'coverage', label: <span data-testid="colour-mode-coverage">{t('layers.byCoverage')}</span> },
        ]}
      />
      <div className="layer-section layer-filter-head">
        <Button
          size="small"
          type={filtersOpen ? 'primary' : 'default'}
          icon={<FilterOutlined />}
          onClick={() => setFiltersOpen(!filtersOpen)}
          data-testid="filters-toggle"
        >
          {t('layers.filters')} <Badge count={active} size="small" />
        </Button>
        {active > 0 && (
          <Button size="small" type="link" onClick={mapLayers.clearFilters} data-testid="filters-clear">
            {t('layers.clearFilters')}
          </Button>
        )}
      </div>
      {filtersOpen && (
        <div className="layer-filters">
          <FilterSelect
            testId="filter-sector"
            label={t('layers.sector')}
            value={filters.sectors}
            onChange={(v) => mapLayers.setFilter('sectors', v)}
            options={SECTOR_GROUP_KEYS.map((g) => ({
              label: t(`layers.sectorGroup.${g}`),
              title: g,
              options: SECTOR_GROUPS[g].map((s) => ({ value: s, label: t(`layers.sectors.${s}`) })),
            }))}
          />
          <FilterSelect
            testId="filter-risk"
            label={t('layers.riskLevel')}
            value={filters.riskLevels}
            onChange={(v) => mapLayers.setFilter('riskLevels', v)}
            options={RiskLevelSchema.options.map((r) => ({ value: r, label: t(`map.risk.${r}`) }))}
          />
          <FilterSelect
            testId="filter-township"
            label={t('layers.township')}
            value={filters.townships}
            onChange={(v) => mapLayers.setFilter('townships', v)}
            options={TOWNSHIPS.map((tw) => ({ value: tw.code, label: i18n.language === 'en' ? tw.nameEn : tw.nameZh }))}
          />
          <FilterSelect
            testId="filter-hazard-grade"
            label={t('layers.hazardGrade')}
            value={filters.hazardGrades}
            onChange={(v) => mapLayers.setFilter('hazardGrades', v)}
            options={[...HAZARD_GRADES, 0 as const].map((g) => ({ value: g, label: t(`layers.grade.${g}`) }))}
          />
          <FilterSelect
            testId="filter-team-status"
            label={t('layers.teamStatus')}
            value={filters.teamStatuses}
            onChange={(v) => mapLayers.setFilter('teamStatuses', v)}
            options={TEAM_STATUSES.map((s) => ({ value: s, label: t(`layers.teamStatusValue.${s}`) }))}
          />
        </div>
      )}
    </div>
  );
}

type Option<V> = { value: V; label: string };
type Group<V> = { label: string; title: string; options: Array<Option<V>> };

function FilterSelect<V extends string | number>({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: Array<V>;
  onChange: (v: Array<V>) => void;
  options: Array<Option<V> | Group<V>>;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="layer-filter">
      <span>{label}</span>
      <Select<Array<V>>
        mode="multiple"
        size="small"
        allowClear
        maxTagCount="responsive"
        placeholder={t('layers.all')}
        value={value}
        onChange={onChange}
        options={options}
        data-testid={testId}
        style={{ width: '100%' }}
        optionFilterProp="label"
      />
    </label>
  );
}
