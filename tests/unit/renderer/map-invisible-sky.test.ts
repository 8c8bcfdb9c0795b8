import { describe, expect, it, vi } from 'vitest';
import { Color } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { skipInvisibleSky, skyIsInvisible } from '../../../src-renderer/src/map/invisible-sky';

type SkyDraw = MapLibreMap['painter']['drawFunctions']['sky'];
type SkyArgs = Parameters<SkyDraw>;

const colour = (css: string) => {
  const parsed = Color.parse(css);
  if (!parsed) throw new Error(css);
  return parsed;
};

/** The evaluated sky MapLibre hands the sky draw, with the two colours that decide what it paints. */
function sky(skyColour: string, horizonColour: string) {
  return {
    'sky-color': colour(skyColour),
    'horizon-color': colour(horizonColour),
    'fog-color': colour('transparent'),
    'fog-ground-blend': 1,
    'horizon-fog-blend': 0.8,
    'sky-horizon-blend': 0.8,
    'atmosphere-blend': 0,
  };
}

const frame = (evaluated: ReturnType<typeof sky> | undefined) =>
  ({ data: { sky: evaluated } }) as unknown as SkyArgs[1];
const mesh = {} as SkyArgs[0];

/** A map whose painter can be swapped, as MapLibre does when a lost WebGL context comes back. */
function fakeMap() {
  const handlers = new Map<string, () => void>();
  const newPainter = () => {
    const draw = vi.fn<SkyDraw>();
    return { draw, painter: { drawFunctions: { sky: draw, symbol: vi.fn() } } };
  };
  let current = newPainter();
  const map = {
    get painter() {
      return current.painter;
    },
    on: (type: string, handler: () => void) => handlers.set(type, handler),
  };
  return {
    map: map as unknown as MapLibreMap,
    get draw() {
      return current.draw;
    },
    loseAndRestoreContext() {
      current = newPainter();
      handlers.get('webglcontextrestored')?.();
    },
  };
}

describe('the invisible sky', () => {
  it('is the one whose sky and horizon colours are both fully transparent (MapLibre’s default)', () => {
    expect(skyIsInvisible(sky('transparent', 'transparent'))).toBe(true);
    expect(skyIsInvisible(sky('rgba(10, 20, 30, 0)', 'transparent'))).toBe(true);
    expect(skyIsInvisible(sky('#88c6fc', 'transparent'))).toBe(false);
    expect(skyIsInvisible(sky('transparent', 'rgba(255, 255, 255, 0.1)'))).toBe(false);
  });

  it('is not drawn; a sky with any colour, or one not evaluated yet, is drawn as MapLibre would', () => {
    const fake = fakeMap();
    skipInvisibleSky(fake.map);
    const draw = fake.map.painter.drawFunctions.sky;

    draw(mesh, frame(sky('transparent', 'transparent')));
    expect(fake.draw).not.toHaveBeenCalled();

    const blue = frame(sky('#88c6fc', '#ffffff'));
    draw(mesh, blue);
    expect(fake.draw).toHaveBeenCalledExactlyOnceWith(mesh, blue);

    draw(mesh, frame(undefined));
    expect(fake.draw).toHaveBeenCalledTimes(2);
  });

  it('leaves the painter’s other draw functions alone and wraps only once', () => {
    const fake = fakeMap();
    const symbol = fake.map.painter.drawFunctions.symbol;
    skipInvisibleSky(fake.map);
    skipInvisibleSky(fake.map);
    expect(fake.map.painter.drawFunctions.symbol).toBe(symbol);

    fake.map.painter.drawFunctions.sky(mesh, frame(sky('#88c6fc', '#ffffff')));
    expect(fake.draw).toHaveBeenCalledTimes(1);
  });

  it('is skipped again by the painter MapLibre makes when the WebGL context comes back', () => {
    const fake = fakeMap();
    skipInvisibleSky(fake.map);
    fake.loseAndRestoreContext();

    fake.map.painter.drawFunctions.sky(mesh, frame(sky('transparent', 'transparent')));
    expect(fake.draw).not.toHaveBeenCalled();
    fake.map.painter.drawFunctions.sky(mesh, frame(sky('#88c6fc', '#ffffff')));
    expect(fake.draw).toHaveBeenCalledTimes(1);
  });
});
