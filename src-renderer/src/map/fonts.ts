/**
 * Fonts county PCs have, in order of preference (Windows, macOS, Linux). Used for the UI and for
 * map labels, which are drawn locally (no glyph server): MapLibre takes `text-font` as CSS
 * families when the style has no `glyphs`, and `localIdeographFontFamily` for CJK.
 */
export const CJK_FONT_FAMILIES = ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'] as const;

export const UI_FONT_STACK = `${CJK_FONT_FAMILIES.map((f) => `'${f}'`).join(', ')}, -apple-system, 'Segoe UI', sans-serif`;

export const MAP_TEXT_FONT: Array<string> = [...CJK_FONT_FAMILIES, 'sans-serif'];
