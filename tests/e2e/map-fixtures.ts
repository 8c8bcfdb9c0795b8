import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';

/** Helpers of the map e2e specs: replica reads, rendered features per layer, a local tile server. */

/** Rows of one replica table, read straight from the page's IndexedDB (the Dexie replica). */
export async function replicaRows<T extends ReplicaTable>(page: Page, table: T): Promise<Array<ReplicaRowTypes[T]>> {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases();
    // (not the map's projection cache beside it: `<replica>:map-projection`)
    const dbName = dbs.map((d) => d.name).find((n) => n?.startsWith('watchfloor:') && !n.endsWith(':map-projection'));
    if (!dbName) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains(name)) return [];
      return await new Promise<Array<never>>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result as Array<never>);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  }, table);
}

export type Rendered = { ids: Array<string>; clusters: number; clusteredPoints: number };

/**
 * What the map has actually drawn on the given layers: distinct feature ids, and for cluster
 * layers the distinct clusters and the points they stand for.
 */
export async function rendered(page: Page, layers: ReadonlyArray<string>): Promise<Rendered> {
  return page.evaluate((layerIds) => {
    const map = window.__watchfloorMap;
    if (!map) return { ids: [], clusters: 0, clusteredPoints: 0 };
    const present = layerIds.filter((l) => map.getLayer(l));
    const features = map.queryRenderedFeatures({ layers: present });
    const ids = new Set<string>();
    const clusters = new Map<number, number>();
    for (const f of features) {
      const clusterId = f.properties['cluster_id'];
      if (typeof clusterId === 'number') clusters.set(clusterId, Number(f.properties['point_count']));
      else if (typeof f.properties['id'] === 'string') ids.add(f.properties['id']);
    }
    return {
      ids: [...ids].sort(),
      clusters: clusters.size,
      clusteredPoints: [...clusters.values()].reduce((a, b) => a + b, 0),
    };
  }, layers);
}

/** The number of features a layer set stands for (points + the members of clusters). */
export const total = (r: Rendered) => r.ids.length + r.clusteredPoints;

/** How many rows of each thematic layer the replica holds: what the whole county view must draw. */
export async function replicaCounts(page: Page): Promise<Record<keyof typeof MAP_LAYERS, number>> {
  return {
    enterprises: (await replicaRows(page, 'enterprises')).length,
    hazardSources: (await replicaRows(page, 'hazardSources')).length,
    teams: (await replicaRows(page, 'rescueTeams')).length,
    incidents: (await replicaRows(page, 'incidents')).length,
    shelters: (await replicaRows(page, 'shelters')).length,
    supplyDepots: (await replicaRows(page, 'supplyDepots')).length,
    receptors: (await replicaRows(page, 'receptors')).length,
  };
}

export const MAP_LAYERS = {
  enterprises: ['enterprises-circle', 'enterprises-cluster'],
  hazardSources: ['hazard-sources-symbol', 'hazard-sources-cluster'],
  teams: ['teams-symbol'],
  incidents: ['incidents-circle'],
  shelters: ['shelters-symbol'],
  supplyDepots: ['supply-depots-symbol'],
  receptors: ['receptors-symbol', 'receptors-cluster'],
} as const;

export async function waitForLayersReady(page: Page): Promise<void> {
  await expect(page.getByTestId('map')).toHaveAttribute('data-layers-ready', 'true');
  await waitForMapSettled(page);
}

export async function waitForMapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__watchfloorMap;
    return map !== undefined && map.loaded() && !map.isMoving() && map.areTilesLoaded();
  });
  // one more frame, so queryRenderedFeatures sees the last placement
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => window.__watchfloorMap?.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForMapSettled(page);
}

/* ---- a tile server on 127.0.0.1 that answers every z/x/y with one solid-colour PNG ---- */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A size×size PNG of one RGB colour (RGB, 8-bit, no filter). */
export function solidPng(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export type TileServer = { url: string; requests: Array<string>; close(): Promise<void> };

export async function startTileServer(color: readonly [number, number, number]): Promise<TileServer> {
  const png = solidPng(256, color);
  const requests: Array<string> = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(png);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Share of the map's pixels (from a screenshot) within `tolerance` of a colour. */
export async function colourShare(
  page: Page,
  color: readonly [number, number, number],
  tolerance = 12,
): Promise<number> {
  const shot = await page.getByTestId('map').screenshot();
  return page.evaluate(
    async ({ data, rgb, tol }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return 0;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      let hits = 0;
      for (let i = 0; i < px.length; i += 4)
        if (
          Math.abs((px[i] ?? 0) - rgb[0]) <= tol &&
          Math.abs((px[i + 1] ?? 0) - rgb[1]) <= tol &&
          Math.abs((px[i + 2] ?? 0) - rgb[2]) <= tol
        )
          hits++;
      return hits / (px.length / 4);
    },
    { data: shot.toString('base64'), rgb: color, tol: tolerance },
  );
}
