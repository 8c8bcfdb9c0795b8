// The map context of an incident (what is around it): hazard sources by ring, the nearest
// available team of each type, receptors nearby, and what the plan match needs. Pure: the
// spatial indexes (src-common/geo) come from the caller.
import type { SpatialHit, SpatialIndex } from '@common/geo';
import type { TownshipCode } from '@common/domain/county';
import type { PlanMatchInput } from '@common/rules/applicable-plans';
import type { LngLat } from '@common/schemas/common';
import type { Incident } from '@common/schemas/incident';
import type { RescueTeam, TeamType } from '@common/schemas/rescue-team';
import { TeamTypeSchema } from '@common/schemas/rescue-team';

/** The rings hazard sources are counted in (km), as the issue asks: within 1, 3 and 5 km. */
export const CONTEXT_RINGS_KM = [1, 3, 5] as const;
export type ContextRing = (typeof CONTEXT_RINGS_KM)[number];
/** Receptors (schools, hospitals …) are listed within this distance. */
export const RECEPTOR_RADIUS_KM = 3;

/** The smallest ring a distance falls in, or null beyond the largest. */
export function ringOf(km: number): ContextRing | null {
  return CONTEXT_RINGS_KM.find((r) => km <= r) ?? null;
}

export type RingHit<T> = SpatialHit<T> & { ring: ContextRing };

/** Everything within the largest ring, nearest first, each with its ring. */
export function withinRings<T extends { id: string }>(index: SpatialIndex<T>, center: LngLat): Array<RingHit<T>> {
  const max = CONTEXT_RINGS_KM[CONTEXT_RINGS_KM.length - 1] as number;
  return index.within(center, max).flatMap((hit) => {
    const ring = ringOf(hit.km);
    return ring === null ? [] : [{ ...hit, ring }];
  });
}

/** How many lie within each ring (cumulative: the 3 km count includes the 1 km ones). */
export function ringCounts(hits: ReadonlyArray<{ km: number }>): Record<ContextRing, number> {
  return {
    1: hits.filter((h) => h.km <= 1).length,
    3: hits.filter((h) => h.km <= 3).length,
    5: hits.filter((h) => h.km <= 5).length,
  };
}

/**
 * The nearest available team of each type (a dispatched team is not available), nearest first
 * across types. Types with no available team are left out.
 */
export function nearestAvailableTeams(
  index: SpatialIndex<RescueTeam>,
  center: LngLat,
  types: ReadonlyArray<TeamType> = TeamTypeSchema.options,
): Array<SpatialHit<RescueTeam>> {
  return types
    .flatMap((type) => index.nearest(center, 1, (t) => t.type === type && t.status === 'available'))
    .sort((a, b) => a.km - b.km || (a.item.id < b.item.id ? -1 : 1));
}

/**
 * What the plan match needs: the category, the enterprise, and the township — the reported one,
 * else the enterprise's, else the nearest township seat (`fallbackTownship`).
 */
export function planMatchInputOf(
  incident: Pick<Incident, 'category' | 'enterpriseId' | 'townshipCode'>,
  enterpriseTownship: TownshipCode | undefined,
  fallbackTownship: TownshipCode,
): PlanMatchInput {
  return {
    category: incident.category,
    enterpriseId: incident.enterpriseId,
    townshipCode: incident.townshipCode ?? enterpriseTownship ?? fallbackTownship,
  };
}
