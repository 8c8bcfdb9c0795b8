/**
 * Expands subdomain placeholders into MapLibre's `tiles` array: `{s}` (a, b, c), `{a-d}`,
 * `{0-7}` and `{switch:a,b,c}`; WMTS `{TileMatrix}` `{TileRow}` `{TileCol}` become `{z}` `{y}` `{x}`.
 */
export function expandTemplate(template: string): Array<string> {
  const t = template
    .replace(/\{TileMatrix\}/gi, '{z}')
    .replace(/\{TileRow\}/gi, '{y}')
    .replace(/\{TileCol\}/gi, '{x}');
  const match = /\{(s|switch:[^}]+|[a-z0-9]-[a-z0-9])\}/i.exec(t);
  if (!match) return [t];
  const token = match[1] ?? '';
  let values: Array<string>;
  if (token === 's') values = ['a', 'b', 'c'];
  else if (token.startsWith('switch:'))
    values = token
      .slice(7)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  else {
    const from = token.charCodeAt(0);
    const to = token.charCodeAt(2);
    values = [];
    for (let c = from; c <= to && values.length < 26; c++) values.push(String.fromCharCode(c));
  }
  if (values.length === 0) return [t];
  return values.map((v) => t.replace(match[0], v));
}
