import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../../src-renderer/src/map/basemap/tile-template';

describe('expandTemplate', () => {
  it('expands 天地图 WMTS with {0-7} subdomains and TileMatrix/TileRow/TileCol', () => {
    const tiles = expandTemplate(
      'https://t{0-7}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=KEY',
    );
    expect(tiles).toHaveLength(8);
    expect(tiles[0]).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
    );
    expect(tiles[7]).toContain('https://t7.');
  });

  it('expands {s} to a, b, c and {a-d} and {switch:...}', () => {
    expect(expandTemplate('https://{s}.tile.example/{z}/{x}/{y}.png')).toEqual([
      'https://a.tile.example/{z}/{x}/{y}.png',
      'https://b.tile.example/{z}/{x}/{y}.png',
      'https://c.tile.example/{z}/{x}/{y}.png',
    ]);
    expect(expandTemplate('https://{a-d}.x/{z}/{x}/{y}')).toHaveLength(4);
    expect(expandTemplate('https://{switch:m1,m2}.x/{z}/{x}/{y}')).toEqual([
      'https://m1.x/{z}/{x}/{y}',
      'https://m2.x/{z}/{x}/{y}',
    ]);
  });

  it('leaves a template without subdomains alone', () => {
    expect(expandTemplate('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toEqual(['http://127.0.0.1:8080/{z}/{x}/{y}.png']);
  });
});
