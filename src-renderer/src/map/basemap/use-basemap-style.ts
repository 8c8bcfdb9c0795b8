import { useEffect, useMemo, useState } from 'react';
import { logger } from '../../logger';
import { buildOfflineStyle } from '../offline-style';
import type { BaseLabels } from '../offline-style';
import { useBasemapSettings } from './basemap-settings';
import type { BasemapSettings } from './basemap-settings';
import { pmtilesStyle, rasterStyle } from './basemap-style';
import type { BasemapStyle } from './basemap-style';
import { loadPmtilesFile } from './pmtiles-file-store';

/**
 * The style for the configured basemap (null while a PMTiles file is being opened). A change of
 * labels (language) gives a new style for the same settings; while a PMTiles archive is opened
 * again for it, the last one for those settings stands (the map relabels in place, map-view.tsx).
 */
export function useBasemapStyle({ language, river }: BaseLabels): BasemapStyle | null {
  const settings = useBasemapSettings();
  const immediate = useMemo((): BasemapStyle | null => {
    const labels = { language, river };
    if (settings.kind === 'offline') return { kind: 'offline', style: buildOfflineStyle(labels), attribution: '' };
    if (settings.kind === 'raster')
      return { kind: 'raster', style: rasterStyle(settings, labels), attribution: settings.attribution };
    if (settings.kind === 'style') return { kind: 'style', style: settings.url, attribution: '' };
    return null;
  }, [settings, language, river]);

  // a PMTiles archive is opened asynchronously; the answer is kept with what it was made for
  const [opened, setOpened] = useState<{ for: BasemapSettings; style: BasemapStyle } | null>(null);
  useEffect(() => {
    if (settings.kind !== 'pmtiles') return;
    let cancelled = false;
    const labels = { language, river };
    void loadPmtilesFile()
      .then((file) => {
        if (!file) throw new Error('the PMTiles file is no longer stored');
        return pmtilesStyle(file, labels);
      })
      .then((style): BasemapStyle => ({ kind: 'pmtiles', style, attribution: '' }))
      .catch((error: unknown): BasemapStyle => {
        logger.warn('could not open the PMTiles basemap; using the offline one', error);
        return { kind: 'offline', style: buildOfflineStyle(labels), attribution: '' };
      })
      .then((style) => {
        if (!cancelled) setOpened({ for: settings, style });
      });
    return () => {
      cancelled = true;
    };
  }, [settings, language, river]);

  if (immediate) return immediate;
  return opened && opened.for === settings ? opened.style : null;
}
