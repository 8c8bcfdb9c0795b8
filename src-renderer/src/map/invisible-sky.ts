import type { Map as MapLibreMap } from 'maplibre-gl';

type Painter = MapLibreMap['painter'];
type SkyDraw = Painter['drawFunctions']['sky'];
type Sky = NonNullable<Parameters<SkyDraw>[1]['data']['sky']>;

/**
 * Whether MapLibre's sky would leave every pixel as it is: both of its colours fully transparent.
 * The sky shader then writes transparent black (or blends nothing) and depth 1, the values the
 * frame was just cleared to. A style without a `sky` gets exactly these transparent defaults.
 */
export function skyIsInvisible(sky: Readonly<Sky>): boolean {
  return sky['sky-color'].a === 0 && sky['horizon-color'].a === 0;
}

/**
 * Stops MapLibre drawing the sky when it is invisible.
 *
 * MapLibre 6 draws the sky as a full-screen quad at the start of every frame, whether the style
 * has one or not. On a GPU that is nothing; on software GL (SwiftShader: this CI machine, PCs
 * without a GPU driver) its fragment shader, run for each of the map's million pixels, cost about
 * 50 ms of every frame: half a frame of the county view, for pixels that end up unchanged
 * (tests/bench/map.ts). A style whose sky has any colour still draws it.
 *
 * The painter is replaced when a lost WebGL context comes back, so the wrapper is put back then.
 */
export function skipInvisibleSky(map: MapLibreMap): void {
  const wrap = () => {
    const painter = map.painter;
    const draw = painter.drawFunctions.sky;
    if ((draw as { skipsInvisible?: true }).skipsInvisible) return;
    const sky: SkyDraw = (mesh, context) => {
      const evaluated = context.data.sky;
      if (evaluated && skyIsInvisible(evaluated)) return;
      draw(mesh, context);
    };
    painter.drawFunctions = { ...painter.drawFunctions, sky: Object.assign(sky, { skipsInvisible: true as const }) };
  };
  wrap();
  map.on('webglcontextrestored', wrap);
}
