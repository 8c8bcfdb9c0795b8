import Supercluster from 'supercluster';
import type { PointFeature } from 'supercluster';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Enterprise } from '@common/schemas/enterprise';
import type { Plan } from '@common/schemas/plan';
import { coverageStates } from '../domain-rules';
import { enterpriseFeature, mapEnterprise } from '../geojson';
import type { MapEnterprise, Props } from '../geojson';
import { enterprisePasses } from '../map-filters';
import type { MapFilters } from '../map-layers-store';
import { ENTERPRISE_CLUSTER_MAX_ZOOM, ENTERPRISE_TILE_EXTENT, ENTERPRISE_TILE_LAYER } from './tile-layout';

/**
 * The enterprise layer as vector tiles, clustered here rather than in MapLibre's geojson source.
 *
 * WHY: a county replica can hold 50,000 enterprises. Handed to a clustered geojson source they
 * had to be read whole on the page's thread, cloned to MapLibre's one worker and clustered there
 * with its expression engine after the style had loaded: 4–5 s before the first cluster showed.
 * Built in a worker of our own (enterprise-tiles.worker.ts) straight from the replica, the index is
 * ready about when the style is, and MapLibre asks for a handful of small tiles.
 */

const EXTENT = ENTERPRISE_TILE_EXTENT;
/** 50 px of a 512 px tile, as the geojson source's clusterRadius was */
const RADIUS = (50 / 512) * EXTENT;

type PointProps = Props & { riskRank: number; coverageRank: number };
/** what a cluster keeps of its members: the worst risk and plan-coverage ranks, for its colour */
type ClusterProps = { worstRisk: number; worstCoverage: number };

/** The map's projection of the replica: each enterprise with its plan coverage on `now`. */
export function mapEnterprises(
  enterprises: ReadonlyArray<Enterprise>,
  plans: ReadonlyArray<Plan>,
  now: Date,
): Array<MapEnterprise> {
  const states = coverageStates(enterprises, plans, now);
  return enterprises.map((e, i) => mapEnterprise(e, states[i] ?? 'none'));
}

/** Where every enterprise is, filtered or not: for `locate` and hazard sources' townships. */
export type EnterpriseCatalog = {
  ids: Array<string>;
  /** lng, lat of ids[i] at 2i, 2i + 1 */
  coords: Float64Array;
  townships: Array<string>;
};

/** lng, lat of rows[i] at 2i, 2i + 1: one buffer to transfer or store instead of 50,000 pairs */
export function packedCoordinates(rows: ReadonlyArray<Pick<MapEnterprise, 'lng' | 'lat'>>): Float64Array {
  const coords = new Float64Array(rows.length * 2);
  rows.forEach((e, i) => {
    coords[2 * i] = e.lng;
    coords[2 * i + 1] = e.lat;
  });
  return coords;
}

export function enterpriseCatalog(rows: ReadonlyArray<MapEnterprise>): EnterpriseCatalog {
  return { ids: rows.map((e) => e.id), coords: packedCoordinates(rows), townships: rows.map((e) => e.townshipCode) };
}

/** The clustered, filtered enterprises of one replica state, cut into tiles on demand. */
export class EnterpriseIndex {
  private constructor(
    private readonly index: Supercluster<PointProps, ClusterProps>,
    /** how many enterprises passed the filters */
    readonly size: number,
  ) {}

  static build(enterprises: ReadonlyArray<MapEnterprise>, filters: MapFilters): EnterpriseIndex {
    const points: Array<PointFeature<PointProps>> = [];
    for (const e of enterprises) {
      if (!enterprisePasses(filters, e)) continue;
      const { geometry, properties } = enterpriseFeature(e);
      // NOTE: no feature-level id: MVT ids are integers, ours are strings (the layers promote `id`)
      points.push({ type: 'Feature', geometry, properties: properties as PointProps });
    }
    const index = new Supercluster<PointProps, ClusterProps>({
      maxZoom: ENTERPRISE_CLUSTER_MAX_ZOOM,
      extent: EXTENT,
      radius: RADIUS,
      map: (p) => ({ worstRisk: p.riskRank, worstCoverage: p.coverageRank }),
      reduce: (acc, p) => {
        acc.worstRisk = Math.max(acc.worstRisk, p.worstRisk);
        acc.worstCoverage = Math.max(acc.worstCoverage, p.worstCoverage);
      },
    });
    index.load(points);
    return new EnterpriseIndex(index, points.length);
  }

  /** One tile as an uncompressed MVT (an empty layer where nothing is). */
  tile(z: number, x: number, y: number): Uint8Array {
    const tile = this.index.getTile(z, x, y) ?? { features: [] };
    // supercluster's tiles have geojson-vt's shape, which is what vt-pbf encodes
    return fromGeojsonVt({ [ENTERPRISE_TILE_LAYER]: tile } as unknown as Parameters<typeof fromGeojsonVt>[0], {
      version: 2,
      extent: EXTENT,
    });
  }

  /** The zoom at which a cluster falls apart; null for an id this index does not know (a stale tile). */
  expansionZoom(clusterId: number): number | null {
    try {
      return this.index.getClusterExpansionZoom(clusterId);
    } catch {
      return null;
    }
  }
}
