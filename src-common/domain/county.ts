// Rong'an County (融安县), Liuzhou, Guangxi — adcode 450224. Source: shared/DOMAIN.md.
// NOTE: the demo data built on this is fictional; only the places are plausible.

export const COUNTY = {
  adcode: '450224',
  nameZh: '融安县',
  nameEn: "Rong'an County",
  seat: { lng: 109.4, lat: 25.21 },
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [109.22, 24.75, 109.78, 25.57] as const,
} as const;

export const TOWNSHIPS = [
  { code: '450224100', nameZh: '长安镇', nameEn: "Chang'an", center: { lng: 109.4, lat: 25.21 } },
  { code: '450224101', nameZh: '浮石镇', nameEn: 'Fushi', center: { lng: 109.36, lat: 25.02 } },
  { code: '450224102', nameZh: '泗顶镇', nameEn: 'Siding', center: { lng: 109.3, lat: 25.07 } },
  { code: '450224103', nameZh: '板榄镇', nameEn: 'Banlan', center: { lng: 109.47, lat: 25.3 } },
  { code: '450224200', nameZh: '大将镇', nameEn: 'Dajiang', center: { lng: 109.5, lat: 25.42 } },
  { code: '450224201', nameZh: '大良镇', nameEn: 'Daliang', center: { lng: 109.57, lat: 25.18 } },
  { code: '450224202', nameZh: '雅瑶乡', nameEn: 'Yayao', center: { lng: 109.64, lat: 25.36 } },
  { code: '450224203', nameZh: '大坡乡', nameEn: 'Dapo', center: { lng: 109.27, lat: 25.36 } },
  { code: '450224204', nameZh: '沙子乡', nameEn: 'Shazi', center: { lng: 109.55, lat: 24.92 } },
  { code: '450224205', nameZh: '桥板乡', nameEn: 'Qiaoban', center: { lng: 109.33, lat: 25.47 } },
  { code: '450224206', nameZh: '东起乡', nameEn: 'Dongqi', center: { lng: 109.68, lat: 25.08 } },
  { code: '450224207', nameZh: '潭头乡', nameEn: 'Tantou', center: { lng: 109.45, lat: 24.85 } },
] as const;

export type TownshipCode = (typeof TOWNSHIPS)[number]['code'];
export const TOWNSHIP_CODES = TOWNSHIPS.map((t) => t.code) as [TownshipCode, ...Array<TownshipCode>];
