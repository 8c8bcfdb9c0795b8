import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditCodeCheckChar } from '@common/domain/credit-code';
import {
  buildSearchIndex,
  creditCodeHint,
  mergeHits,
  normalize,
  searchIndex,
} from '../../../src-renderer/src/features/search/search-index';
import type { SearchEntry } from '../../../src-renderer/src/features/search/search-index';

const code = (body17: string) => body17 + (creditCodeCheckChar(body17) ?? '?');

const E = (id: string, name: string, creditCode?: string, address?: string): SearchEntry => ({
  kind: 'enterprises',
  id,
  name,
  ...(creditCode ? { creditCode } : {}),
  ...(address ? { address } : {}),
});

const ENTRIES: Array<SearchEntry> = [
  E('e1', '融安县金桔食品有限公司', code('91450224123456780'), '长安镇示范路1号'),
  E('e2', '融安县金桔木业有限公司', code('91450224123456781'), '浮石镇演示街2号'),
  E('e3', '金桔加工厂', code('91450224999999990'), '泗顶镇示范路3号'),
  E('e4', '融安县青山石场', code('91450224555555550'), '大坡乡金桔村'),
  { kind: 'plans', id: 'p1', name: '金桔加工厂' },
  { kind: 'rescueTeams', id: 't1', name: '长安镇消防救援站' },
];

const ids = (hits: ReturnType<typeof searchIndex>) => hits.map((h) => h.entry.id);

describe('search index', () => {
  const index = buildSearchIndex(ENTRIES);

  it('ranks exact name, then name prefix, then name contains, then address', () => {
    const hits = searchIndex(index, '金桔');
    expect(hits.map((h) => [h.entry.id, h.match])).toEqual([
      ['e3', 'namePrefix'],
      ['p1', 'namePrefix'],
      ['e2', 'nameContains'], // same length as e1: by name (木 < 食 in code points)
      ['e1', 'nameContains'],
      ['e4', 'addressContains'],
    ]);
    expect(searchIndex(index, '金桔加工厂')[0]).toMatchObject({ match: 'nameExact', entry: { id: 'e3' } });
  });

  it('finds a credit code exactly (case and full-width insensitive) before anything else', () => {
    const c = code('91450224555555550');
    expect(searchIndex(index, c)[0]).toMatchObject({ match: 'codeExact', entry: { id: 'e4' } });
    expect(searchIndex(index, c.toLowerCase())[0]?.entry.id).toBe('e4');
    const fullWidth = c.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    expect(searchIndex(index, fullWidth)[0]?.entry.id).toBe('e4');
  });

  it('finds credit codes by prefix (4 characters or more) in code order', () => {
    expect(ids(searchIndex(index, '914502241234'))).toEqual(['e1', 'e2']);
    expect(searchIndex(index, '914502241234').every((h) => h.match === 'codePrefix')).toBe(true);
    expect(searchIndex(index, '914')).toEqual([]);
  });

  it('needs every word of a multi-word query, in the name or the address', () => {
    expect(ids(searchIndex(index, '金桔 浮石'))).toEqual(['e2']);
    expect(ids(searchIndex(index, '融安 食品'))).toEqual(['e1']);
    expect(searchIndex(index, '融安 不存在')).toEqual([]);
  });

  it('returns nothing for blank queries and respects the limit', () => {
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, '金桔', 2)).toHaveLength(2);
  });

  it('merges hits of several indexes by rank, then kind', () => {
    const teams = buildSearchIndex([{ kind: 'rescueTeams', id: 't9', name: '金桔救援队' }]);
    const merged = mergeHits([searchIndex(index, '金桔'), searchIndex(teams, '金桔')]);
    expect(merged.map((h) => h.entry.id)).toEqual(['e3', 't9', 'p1', 'e2', 'e1', 'e4']);
  });

  it('agrees with a brute-force scan on random data (membership and rank order)', () => {
    const alphabet = ['金', '桔', '融', '安', '石', '场', 'a', 'b'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), word, (names, q) => {
        const entries = names.map((n, i) => E(`x${i}`, n));
        const hits = searchIndex(buildSearchIndex(entries), q, 1000);
        const expected = entries.filter((e) => normalize(e.name).includes(normalize(q))).map((e) => e.id);
        expect(new Set(ids(hits))).toEqual(new Set(expected));
        const rank = { nameExact: 1, namePrefix: 3, nameContains: 4 } as Record<string, number>;
        const ranks = hits.map((h) => rank[h.match] ?? 9);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });

  it('answers from an index of 50,000 enterprises (codes by binary search, names by a capped scan)', () => {
    const many: Array<SearchEntry> = [];
    for (let i = 0; i < 50_000; i++) {
      const body = `91450224${String(i).padStart(8, '0')}1`;
      many.push(E(`m${i}`, `融安县示例${i}木业有限公司`, code(body), `长安镇示范路${i}号`));
    }
    const idx = buildSearchIndex(many);
    // NOTE: speed is not asserted here (DESIGN: budgets are benches, not timed unit tests).
    expect(searchIndex(idx, '示例49999木业')[0]?.entry.id).toBe('m49999');
    expect(searchIndex(idx, '融安县', 20)).toHaveLength(20);
    expect(searchIndex(idx, code('9145022400012345' + '1'))[0]?.entry.id).toBe('m12345');
  });
});

describe('credit code hint', () => {
  const good = code('91450224123456780');
  const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');

  it('says nothing for a valid code, a partial code or a name', () => {
    expect(creditCodeHint(good)).toBeNull();
    expect(creditCodeHint(good.toLowerCase())).toBeNull();
    expect(creditCodeHint(good.slice(0, 12))).toBeNull();
    expect(creditCodeHint('融安县金桔食品有限公司')).toBeNull();
  });

  it('names the expected check character when the 18th is wrong', () => {
    expect(creditCodeHint(wrongCheck)).toEqual({ kind: 'checkFailed', expected: good.charAt(17) });
  });

  it('flags characters outside the GB 32100 alphabet', () => {
    expect(creditCodeHint('9145022412345678IO')).toEqual({ kind: 'badCharacters' });
    expect(creditCodeHint('91450224123456780Z')).toEqual({ kind: 'badCharacters' });
  });
});
