import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { MapEnterprise } from '../geojson';
import { packedCoordinates } from './enterprise-index';

/**
 * The map's projection of the enterprises, packed in columns and kept between sessions.
 *
 * WHY: reading 50,000 full enterprise rows (contacts, addresses, licences…) and their plans out
 * of IndexedDB takes 2 s of a core on a desk PC before the first cluster could be drawn. The map
 * needs eight fields of each. The worker draws from this cache at once. Each projection is kept
 * with its basis: the revisions of the two tables it was derived from (db/revisions.ts) and the
 * China day (plan states turn at its end). Once the map is up the worker compares that basis with
 * the replica's — two small rows — and reads the tables again only when it differs.
 */

/** A column of few distinct strings (sector, risk, township, coverage): each row an index. */
type Codes = { values: Array<string>; codes: Uint16Array };

export type PackedProjection = {
  ids: Array<string>;
  names: Array<string>;
  /** lng, lat of row i at 2i, 2i + 1 */
  coords: Float64Array;
  sector: Codes;
  riskLevel: Codes;
  townshipCode: Codes;
  coverage: Codes;
};

function encode(values: ReadonlyArray<string>): Codes {
  const index = new Map<string, number>();
  const codes = new Uint16Array(values.length);
  values.forEach((value, i) => {
    let code = index.get(value);
    if (code === undefined) {
      code = index.size;
      index.set(value, code);
    }
    codes[i] = code;
  });
  return { values: [...index.keys()], codes };
}

const decode = ({ values, codes }: Codes, i: number): string => values[codes[i] ?? 0] ?? '';

export function packProjection(rows: ReadonlyArray<MapEnterprise>): PackedProjection {
  return {
    ids: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    coords: packedCoordinates(rows),
    sector: encode(rows.map((r) => r.sector)),
    riskLevel: encode(rows.map((r) => r.riskLevel)),
    townshipCode: encode(rows.map((r) => r.townshipCode)),
    coverage: encode(rows.map((r) => r.coverage)),
  };
}

export function unpackProjection(p: PackedProjection): Array<MapEnterprise> {
  // the cache holds only what this worker wrote from validated replica rows; the casts restore
  // the enum types that packing into string columns erased
  return p.ids.map((id, i) => ({
    id,
    name: p.names[i] ?? '',
    sector: decode(p.sector, i) as MapEnterprise['sector'],
    riskLevel: decode(p.riskLevel, i) as MapEnterprise['riskLevel'],
    townshipCode: decode(p.townshipCode, i) as MapEnterprise['townshipCode'],
    lng: p.coords[2 * i] ?? 0,
    lat: p.coords[2 * i + 1] ?? 0,
    coverage: decode(p.coverage, i) as MapEnterprise['coverage'],
  }));
}

/** Whether two projections draw the same map (same rows in the same order, field by field). */
export function sameProjection(a: ReadonlyArray<MapEnterprise>, b: ReadonlyArray<MapEnterprise>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      !x ||
      !y ||
      x.id !== y.id ||
      x.name !== y.name ||
      x.lng !== y.lng ||
      x.lat !== y.lat ||
      x.sector !== y.sector ||
      x.riskLevel !== y.riskLevel ||
      x.townshipCode !== y.townshipCode ||
      x.coverage !== y.coverage
    )
      return false;
  }
  return true;
}

/** What a projection was derived from: equal bases, equal projections. */
export type ProjectionBasis = { enterprises: number; plans: number; day: string };

export const sameBasis = (a: ProjectionBasis, b: ProjectionBasis): boolean =>
  a.enterprises === b.enterprises && a.plans === b.plans && a.day === b.day;

/** Bumped whenever PackedProjection, MapEnterprise or the basis changes shape: an older cache is ignored. */
const FORMAT = 2;

type CacheRow = {
  key: 'enterprises';
  format: number;
  writtenAt: string;
  basis: ProjectionBasis;
  projection: PackedProjection;
};
export type CachedProjection = { rows: Array<MapEnterprise>; basis: ProjectionBasis };

/** The cache lives in a database of its own beside the replica: the replica's schema is not touched. */
export class ProjectionCache extends Dexie {
  declare projections: Table<CacheRow, CacheRow['key']>;

  constructor(replicaName: string, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(`${replicaName}:map-projection`, options);
    this.version(1).stores({ projections: 'key' });
  }

  /** The cached projection and its basis; null when there is none, or none this version can read. */
  async read(): Promise<CachedProjection | null> {
    const row = await this.projections.get('enterprises');
    if (row?.format !== FORMAT) return null;
    try {
      return { rows: unpackProjection(row.projection), basis: { ...row.basis } };
    } catch {
      return null; // damaged: the replica read that follows rewrites it
    }
  }

  async write(rows: ReadonlyArray<MapEnterprise>, basis: ProjectionBasis): Promise<void> {
    await this.projections.put({
      key: 'enterprises',
      format: FORMAT,
      writtenAt: new Date().toISOString(),
      basis,
      projection: packProjection(rows),
    });
  }
}
