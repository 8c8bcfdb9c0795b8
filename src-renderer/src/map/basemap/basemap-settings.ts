import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { logger } from '../../logger';
import { expandTemplate } from './tile-template';

/**
 * The workstation's basemap choice. NOTE: kept in localStorage because the bridge's Settings
 * schema (src-common/bridge.ts) has no place for it yet; it should move there, so that Electron's
 * CSP can be derived from the configured origin.
 */

const MAX_TEMPLATES = 3;

/** https/http URL template with {z} {x} {y} (or WMTS {TileMatrix} {TileRow} {TileCol}) placeholders. */
export const TileTemplateSchema = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\//i, 'http(s):// only')
  .refine(
    (t) => /\{z\}|\{TileMatrix\}/i.test(t) && /\{x\}|\{TileCol\}/i.test(t) && /\{y\}|\{-y\}|\{TileRow\}/i.test(t),
    'the template needs {z}, {x} and {y}',
  );

export const BasemapSettingsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('offline') }),
  z.strictObject({
    kind: z.literal('raster'),
    /** bottom to top, e.g. 天地图 vec_w then its labels cva_w */
    templates: z.array(TileTemplateSchema).min(1).max(MAX_TEMPLATES),
    tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
    maxZoom: z.int().min(1).max(22).default(18),
    attribution: z.string().max(300).default(''),
  }),
  z.strictObject({
    kind: z.literal('style'),
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\//i, 'http(s):// only'),
  }),
  z.strictObject({
    kind: z.literal('pmtiles'),
    /** the file itself is kept in IndexedDB (pmtiles-file-store.ts); this is its name, for display */
    fileName: z.string().min(1).max(500),
  }),
]);
export type BasemapSettings = z.infer<typeof BasemapSettingsSchema>;

export const OFFLINE_BASEMAP: BasemapSettings = { kind: 'offline' };
const STORAGE_KEY = 'watchfloor.basemap.v1';

export function loadBasemapSettings(storage?: Pick<Storage, 'getItem'>): BasemapSettings {
  try {
    const raw = (storage ?? localStorage).getItem(STORAGE_KEY);
    if (!raw) return OFFLINE_BASEMAP;
    const parsed = BasemapSettingsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    logger.warn('ignoring invalid basemap settings', parsed.error.message);
  } catch (error) {
    logger.warn('could not read basemap settings', error);
  }
  return OFFLINE_BASEMAP;
}

export const basemapStore = createStore<{ settings: BasemapSettings }>(() => ({ settings: loadBasemapSettings() }));

export function saveBasemapSettings(settings: BasemapSettings): void {
  const valid = BasemapSettingsSchema.parse(settings);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(valid));
  basemapStore.setState({ settings: valid });
}

export function useBasemapSettings(): BasemapSettings {
  return useStore(basemapStore, (s) => s.settings);
}

/** Origins the configured basemap fetches from (for the CSP's connect-src / img-src). */
export function basemapOrigins(settings: BasemapSettings): Array<string> {
  const urls = settings.kind === 'raster' ? settings.templates : settings.kind === 'style' ? [settings.url] : [];
  const origins = new Set<string>();
  for (const url of urls)
    for (const expanded of expandTemplate(url))
      try {
        origins.add(new URL(expanded.replace(/\{[^}]*\}/g, '0')).origin);
      } catch {
        // an unparsable template never reaches the map (the schema requires http(s))
      }
  return [...origins];
}
