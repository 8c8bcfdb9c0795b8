import { gradeHazardSource } from '@common/rules/gb18218';
import type { HazardGrading } from '@common/rules/gb18218';
import type { HazardSource } from '@common/schemas/hazard-source';
import { logger } from '../../logger';

/** One grading per replica row object (a live query result keeps its objects until the table changes). */
const cache = new WeakMap<HazardSource, HazardGrading | null>();

/**
 * The GB 18218 grading of a hazard source, by the rule in src-common; null when its stored
 * inputs cannot be graded (the rule throws only for input the schema refuses).
 */
export function gradeOf(hs: HazardSource): HazardGrading | null {
  let g = cache.get(hs);
  if (g === undefined) {
    try {
      g = gradeHazardSource(hs);
    } catch (e) {
      logger.warn(`hazard source ${hs.id} cannot be graded`, e);
      g = null;
    }
    cache.set(hs, g);
  }
  return g;
}
