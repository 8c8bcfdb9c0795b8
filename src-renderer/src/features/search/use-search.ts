import { useCallback, useEffect, useMemo, useRef } from 'react';
import { TOWNSHIPS } from '@common/domain/county';
import type { LngLat } from '@common/schemas/common';
import type { Plan } from '@common/schemas/plan';
import type { DetailRef } from '../details/panel-store';
import { useMapFed, useMapInstance } from '../../map/map-context';
import { usePlaceData, useTeamData } from '../spatial/place-data';
import type { PlaceData } from '../spatial/place-data';
import { buildSearchIndex, mergeHits, searchIndex } from './search-index';
import type { SearchEntry, SearchHit, SearchIndex } from './search-index';

/** The tables the static index reads: it is rebuilt only when one of these changes. */
type Indexed = Pick<PlaceData, 'enterprises' | 'hazardSources' | 'receptors' | 'shelters' | 'supplyDepots' | 'plans'>;

function staticEntries(data: Indexed): Array<SearchEntry> {
  const out: Array<SearchEntry> = [];
  for (const e of data.enterprises)
    out.push({ kind: 'enterprises', id: e.id, name: e.name, creditCode: e.creditCode, address: e.address });
  for (const h of data.hazardSources) out.push({ kind: 'hazardSources', id: h.id, name: h.name });
  for (const r of data.receptors) out.push({ kind: 'receptors', id: r.id, name: r.name });
  for (const s of data.shelters) out.push({ kind: 'shelters', id: s.id, name: s.name, address: s.address });
  for (const d of data.supplyDepots) out.push({ kind: 'supplyDepots', id: d.id, name: d.name, address: d.address });
  for (const p of data.plans) out.push({ kind: 'plans', id: p.id, name: p.name });
  return out;
}

/**
 * Two indexes, each built once per change of its data: everything static, and the teams (which
 * move — rebuilding the 50,000-entry index on every team position would be waste). The static
 * index is built when the page and the map are idle (or at the first query, if that comes sooner):
 * building it takes a second on 50,000 enterprises and must not hold up the map's first paint.
 * NOTE: keyed on the indexed tables themselves, not on the whole PlaceData: a change elsewhere
 * (departments, say) must not start a rebuild — under a stream of writes that kept the page busy.
 */
export function useSearch(): (query: string, limit?: number) => Array<SearchHit> {
  const { enterprises, hazardSources, receptors, shelters, supplyDepots, plans } = usePlaceData();
  const data = useMemo<Indexed>(
    () => ({ enterprises, hazardSources, receptors, shelters, supplyDepots, plans }),
    [enterprises, hazardSources, receptors, shelters, supplyDepots, plans],
  );
  const teams = useTeamData();
  const built = useRef<{ data: Indexed; index: SearchIndex } | null>(null);
  const baseIndex = useCallback((): SearchIndex => {
    if (built.current?.data !== data) {
      performance.mark('wf:search-index'); // for the map bench's breakdown of opening the desk
      built.current = { data, index: buildSearchIndex(staticEntries(data)) };
    }
    return built.current.index;
  }, [data]);
  const map = useMapInstance();
  const fed = useMapFed();
  useEffect(() => {
    let cancelled = false;
    let handle = 0;
    const schedule = () => {
      if (!cancelled) handle = requestIdleCallback(run, { timeout: 10_000 });
    };
    const run = (deadline: IdleDeadline) => {
      if (cancelled) return;
      // NOTE: until the map has been given its data and has taken it in (tiles built in its worker),
      // the build would take the CPU from it on a 2-core PC: wait for that, then the map's next idle.
      // A query builds at once (so without a map, e.g. no WebGL, the first query builds it).
      if (!deadline.didTimeout && (!map || !fed)) return; // this effect runs again when they come
      if (map && !map.loaded() && !deadline.didTimeout) map.once('idle', schedule);
      else baseIndex();
    };
    schedule();
    return () => {
      cancelled = true;
      cancelIdleCallback(handle);
      map?.off('idle', schedule);
    };
  }, [baseIndex, map, fed]);
  const teamIndex = useMemo<SearchIndex>(
    () => buildSearchIndex(teams.rows.map((t) => ({ kind: 'rescueTeams', id: t.id, name: t.name }))),
    [teams.rows],
  );
  return useMemo(
    () =>
      (query: string, limit = 20) =>
        mergeHits([searchIndex(baseIndex(), query, limit), searchIndex(teamIndex, query, limit)], limit),
    [baseIndex, teamIndex],
  );
}

/** Where a plan is on the map: its enterprise, else its township's centre, else nowhere. */
export function planPlace(data: PlaceData, plan: Plan): { ref: DetailRef | null; lngLat: LngLat } | null {
  if (plan.ownerKind === 'enterprise' && plan.ownerId) {
    const e = data.byId.enterprises.get(plan.ownerId);
    if (e) return { ref: { kind: 'enterprises', id: e.id }, lngLat: e.location };
  }
  const code = plan.townshipCode;
  const township = code ? TOWNSHIPS.find((t) => t.code === code) : undefined;
  return township ? { ref: null, lngLat: township.center } : null;
}
