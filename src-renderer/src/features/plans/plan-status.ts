import { useEffect, useMemo, useState } from 'react';
import { planStatus } from '@common/rules/plan-status';
import type { Plan } from '@common/schemas/plan';
import { usePlaceData } from '../spatial/place-data';
import type { PlanStatusLike } from './plan-rows';

/** Plan states turn over by the day: re-evaluate every 10 minutes, not on every render. */
const NOW_TICK_MS = 10 * 60_000;

export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), NOW_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The plan-status rule of src-common bound to the replica (an enterprise plan's drill interval
 * depends on its owner's sector) and to the current time.
 */
export function usePlanStatusOf(): { statusOf: (plan: Plan) => PlanStatusLike; now: number } {
  const data = usePlaceData();
  const now = useNow();
  return useMemo(() => {
    const at = new Date(now);
    const cache = new Map<Plan, PlanStatusLike>();
    const statusOf = (plan: Plan): PlanStatusLike => {
      let status = cache.get(plan);
      if (!status) {
        const owner =
          plan.ownerKind === 'enterprise' && plan.ownerId ? data.byId.enterprises.get(plan.ownerId) : undefined;
        status = planStatus(plan, owner ? { now: at, ownerSector: owner.sector } : { now: at });
        cache.set(plan, status);
      }
      return status;
    };
    return { statusOf, now };
  }, [data.byId.enterprises, now]);
}
