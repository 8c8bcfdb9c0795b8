/** How the enterprise tiles are cut: shared by the worker that cuts them and the map's source. */

/** The tiles' one layer (the layers' `source-layer`). */
export const ENTERPRISE_TILE_LAYER = 'enterprises';
/** Clusters up to this zoom; above it the tiles hold single enterprises. */
export const ENTERPRISE_CLUSTER_MAX_ZOOM = 13;
/** Tiles exist up to this zoom and are over-zoomed beyond it (4096 units of a z14 tile: < 1 m). */
export const ENTERPRISE_TILE_MAX_ZOOM = 14;
export const ENTERPRISE_TILE_EXTENT = 4096;
