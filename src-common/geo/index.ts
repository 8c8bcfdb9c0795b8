export { EARTH_RADIUS_KM, MAX_DISTANCE_KM, distanceKm } from './distance';
export { createSpatialIndex } from './spatial-index';
export type { SpatialHit, SpatialIndex } from './spatial-index';
export { DATUMS, fromWgs84, toWgs84 } from './datum';
export type { Datum } from './datum';
