import type { FilterSpecification } from 'maplibre-gl';
import type { Receptor } from '@common/schemas/places';
import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardRow } from './geojson';
import type { MapFilters } from './map-layers-store';

/**
 * One filter state, two forms: predicates for the clustered sources (clustering happens in the
 * source, so what is clustered must already be filtered) and MapLibre filter expressions for the
 * other layers. Both change what the map renders; the DOM is not involved.
 */

const passes = <T>(allowed: ReadonlyArray<T>, value: T) => allowed.length === 0 || allowed.includes(value);

/** What the enterprise filters look at: an `Enterprise`, or the map's projection of one. */
type FilteredEnterprise = Pick<Enterprise, 'sector' | 'riskLevel' | 'townshipCode'>;

export function enterprisePasses(f: MapFilters, e: FilteredEnterprise): boolean {
  return passes(f.sectors, e.sector) && passes(f.riskLevels, e.riskLevel) && passes(f.townships, e.townshipCode);
}

export function hazardPasses(f: MapFilters, { grade, township }: HazardRow): boolean {
  return passes(f.hazardGrades, grade) && passes(f.townships, township);
}

export function receptorPasses(f: MapFilters, r: Receptor): boolean {
  return passes(f.townships, r.townshipCode);
}

const inList = (property: string, values: ReadonlyArray<string | number>): FilterSpecification | null =>
  values.length === 0 ? null : (['in', ['get', property], ['literal', [...values]]] as FilterSpecification);

/** Layer filters of the non-clustered thematic layers (null: no filter). */
export function layerFilters(f: MapFilters) {
  return {
    teams: inList('status', f.teamStatuses),
    shelters: inList('township', f.townships),
    supplyDepots: inList('township', f.townships),
  };
}
