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

/**
 * @param townshipOf an enterprise's township (a hazard source's is its enterprise's); asked only
 *   when the filters name townships
 */
export function hazardPasses(
  f: MapFilters,
  { hazard, grade }: HazardRow,
  townshipOf: (enterpriseId: string) => string | undefined,
): boolean {
  if (!passes(f.hazardGrades, grade)) return false;
  return f.townships.length === 0 || passes<string>(f.townships, townshipOf(hazard.enterpriseId) ?? '');
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
