import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createSpatialIndex } from '@common/geo';
import type { SpatialIndex } from '@common/geo';
import type { Department } from '@common/schemas/department';
import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Receptor, Shelter, SupplyDepot } from '@common/schemas/places';
import type { Plan } from '@common/schemas/plan';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { useReplicaRows } from '../../db/replica-tables';
import type { PlaceKind } from '../details/panel-store';

export type PlaceRows = {
  enterprises: Enterprise;
  hazardSources: HazardSource;
  rescueTeams: RescueTeam;
  receptors: Receptor;
  shelters: Shelter;
  supplyDepots: SupplyDepot;
};

type ById<T> = ReadonlyMap<string, T>;

/**
 * Read-only views of the replica that the panels share, and what is derived from them once per
 * data change: lookups by id and one spatial index per kind. Dexie stays the source of truth —
 * every array here is a `useLiveQuery` result; nothing is copied into a store.
 * The derived lookups are built on first use, not when the rows come: the rows come while the
 * map is opening, when the page's thread is what the first picture waits for, and the panels
 * that use them open later (tens of ms for 5,000 hazard sources, 50 for 50,000 enterprises).
 * NOTE: one live query per table, so a team moving (hundreds of updates a second) rebuilds only
 * the small team index, never the 50,000-enterprise one.
 */
export type StaticKind = Exclude<PlaceKind, 'rescueTeams'>;

export type PlaceData = {
  /** false until the enterprises have been read once */
  loaded: boolean;
  enterprises: ReadonlyArray<Enterprise>;
  hazardSources: ReadonlyArray<HazardSource>;
  receptors: ReadonlyArray<Receptor>;
  shelters: ReadonlyArray<Shelter>;
  supplyDepots: ReadonlyArray<SupplyDepot>;
  plans: ReadonlyArray<Plan>;
  departments: ReadonlyArray<Department>;
  byId: { [K in StaticKind]: ById<PlaceRows[K]> } & { plans: ById<Plan>; departments: ById<Department> };
  /** hazard sources and plans of each enterprise */
  hazardSourcesByEnterprise: ReadonlyMap<string, ReadonlyArray<HazardSource>>;
  plansByOwner: ReadonlyMap<string, ReadonlyArray<Plan>>;
  spatial: { [K in StaticKind]: SpatialIndex<PlaceRows[K]> };
};

/** Teams move: their own context, so a position update re-renders only what shows teams. */
export type TeamData = {
  rows: ReadonlyArray<RescueTeam>;
  byId: ById<RescueTeam>;
  spatial: SpatialIndex<RescueTeam>;
};

const PlaceDataContext = createContext<PlaceData | null>(null);
const TeamDataContext = createContext<TeamData | null>(null);
const NONE: Array<never> = [];

const byIdOf = <T extends { id: string }>(rows: ReadonlyArray<T>): ById<T> => new Map(rows.map((r) => [r.id, r]));

function groupBy<T>(rows: ReadonlyArray<T>, key: (row: T) => string | undefined): ReadonlyMap<string, Array<T>> {
  const out = new Map<string, Array<T>>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** A value computed on first use, then kept. */
function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

/** An object whose fields are read through the given functions, each called when its field is. */
function readOnDemand<T extends object>(read: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(read) as Array<keyof T>)
    Object.defineProperty(out, key, { get: read[key], enumerable: true });
  return out;
}

/** One table's lookup and spatial index, each built on first use after that table changes. */
function useTable<T extends { id: string; location: { lng: number; lat: number } }>(rows: ReadonlyArray<T>) {
  return useMemo(() => ({ byId: lazy(() => byIdOf(rows)), index: lazy(() => createSpatialIndex(rows)) }), [rows]);
}

export function PlaceDataProvider({ children }: { children: ReactNode }) {
  const enterpriseRows = useReplicaRows('enterprises');
  const hazardSources = useReplicaRows('hazardSources') ?? NONE;
  const rescueTeams = useReplicaRows('rescueTeams') ?? NONE;
  const receptors = useReplicaRows('receptors') ?? NONE;
  const shelters = useReplicaRows('shelters') ?? NONE;
  const supplyDepots = useReplicaRows('supplyDepots') ?? NONE;
  const plans = useReplicaRows('plans') ?? NONE;
  const departments = useReplicaRows('departments') ?? NONE;
  const enterprises = enterpriseRows ?? NONE;

  const e = useTable(enterprises);
  const h = useTable(hazardSources);
  const t = useTable(rescueTeams);
  const r = useTable(receptors);
  const s = useTable(shelters);
  const d = useTable(supplyDepots);
  const planById = useMemo(() => lazy(() => byIdOf(plans)), [plans]);
  const departmentById = useMemo(() => lazy(() => byIdOf(departments)), [departments]);
  const hazardSourcesByEnterprise = useMemo(
    () => lazy(() => groupBy(hazardSources, (x) => x.enterpriseId)),
    [hazardSources],
  );
  const plansByOwner = useMemo(() => lazy(() => groupBy(plans, (x) => x.ownerId)), [plans]);
  const loaded = enterpriseRows !== undefined;

  // NOTE: read on demand, so that nothing is derived until a reader asks (see above)
  const value = useMemo(
    () =>
      readOnDemand<PlaceData>({
        loaded: () => loaded,
        enterprises: () => enterprises,
        hazardSources: () => hazardSources,
        receptors: () => receptors,
        shelters: () => shelters,
        supplyDepots: () => supplyDepots,
        plans: () => plans,
        departments: () => departments,
        byId: lazy(() =>
          readOnDemand<PlaceData['byId']>({
            enterprises: e.byId,
            hazardSources: h.byId,
            receptors: r.byId,
            shelters: s.byId,
            supplyDepots: d.byId,
            plans: planById,
            departments: departmentById,
          }),
        ),
        hazardSourcesByEnterprise,
        plansByOwner,
        spatial: lazy(() =>
          readOnDemand<PlaceData['spatial']>({
            enterprises: e.index,
            hazardSources: h.index,
            receptors: r.index,
            shelters: s.index,
            supplyDepots: d.index,
          }),
        ),
      }),
    [
      loaded,
      enterprises,
      hazardSources,
      receptors,
      shelters,
      supplyDepots,
      plans,
      departments,
      e,
      h,
      r,
      s,
      d,
      planById,
      departmentById,
      hazardSourcesByEnterprise,
      plansByOwner,
    ],
  );
  const teams = useMemo(
    () => readOnDemand<TeamData>({ rows: () => rescueTeams, byId: t.byId, spatial: t.index }),
    [rescueTeams, t],
  );
  return (
    <PlaceDataContext.Provider value={value}>
      <TeamDataContext.Provider value={teams}>{children}</TeamDataContext.Provider>
    </PlaceDataContext.Provider>
  );
}

export function usePlaceData(): PlaceData {
  const data = useContext(PlaceDataContext);
  if (!data) throw new Error('usePlaceData outside <PlaceDataProvider>');
  return data;
}

export function useTeamData(): TeamData {
  const data = useContext(TeamDataContext);
  if (!data) throw new Error('useTeamData outside <PlaceDataProvider>');
  return data;
}
