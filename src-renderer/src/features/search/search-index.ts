import { creditCodeCheckChar } from '@common/domain/credit-code';
import type { LngLat } from '@common/schemas/common';
import type { DetailKind } from '../details/panel-store';

/** What the search box can find; built from replica rows by `toSearchEntries`. */
export type SearchEntry = {
  kind: DetailKind;
  id: string;
  name: string;
  /** enterprises only */
  creditCode?: string;
  address?: string;
  /** where the map flies; undefined for plans that are not tied to a place */
  location?: LngLat;
  /** a short second line: sector, township, owner … (already in the UI language) */
  subtitle?: string;
};

/** Why a hit matched, best first; the numeric order is the ranking. */
export const MATCH_RANKS = {
  codeExact: 0,
  nameExact: 1,
  codePrefix: 2,
  namePrefix: 3,
  nameContains: 4,
  addressContains: 5,
} as const;
export type MatchKind = keyof typeof MATCH_RANKS;

export type SearchHit = { entry: SearchEntry; match: MatchKind };

/** Kinds in the order a duty officer most often looks for them (ties within a rank). */
const KIND_ORDER: Record<DetailKind, number> = {
  enterprises: 0,
  hazardSources: 1,
  rescueTeams: 2,
  receptors: 3,
  shelters: 4,
  supplyDepots: 5,
  plans: 6,
};

export type SearchIndex = {
  /** entries pre-sorted by (kind, name length, name): scan order is the tie-break order */
  entries: ReadonlyArray<SearchEntry>;
  names: ReadonlyArray<string>;
  addresses: ReadonlyArray<string>;
  /** credit codes sorted, with the entry index of each: prefix search is a binary search */
  codes: ReadonlyArray<string>;
  codeEntry: ReadonlyArray<number>;
};

/** Full-width to half-width (NFKC), lower case, no spaces: what both sides are compared in. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Built once per data change (not per keystroke): the normalised strings and a sorted code list. */
export function buildSearchIndex(input: Iterable<SearchEntry>): SearchIndex {
  const entries = [...input].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.name.length - b.name.length ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const names = entries.map((e) => normalize(e.name));
  const addresses = entries.map((e) => (e.address ? normalize(e.address) : ''));
  const withCode: Array<[string, number]> = [];
  entries.forEach((e, i) => {
    if (e.creditCode) withCode.push([e.creditCode.toUpperCase(), i]);
  });
  withCode.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { entries, names, addresses, codes: withCode.map((c) => c[0]), codeEntry: withCode.map((c) => c[1]) };
}

/** Looks like (the start of) a 统一社会信用代码: letters of its alphabet and digits, no CJK. */
const CODE_LIKE = /^[0-9A-Z]+$/;
/** Shorter code prefixes match too many codes to be a useful query on their own. */
const MIN_CODE_PREFIX = 4;

function lowerBound(sorted: ReadonlyArray<string>, key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Up to `limit` hits, best first: exact credit code, exact name, code prefix, name prefix, name
 * contains, address contains; within a rank, enterprises before other kinds, then shorter names.
 * Several words (space-separated) must all occur in the name or the address.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 20): Array<SearchHit> {
  const words = query.split(/\s+/).map(normalize).filter(Boolean);
  if (words.length === 0) return [];
  const q = words.join('');
  const buckets: Array<Array<number>> = [[], [], [], [], [], []];
  const matched = new Set<number>();
  const put = (rank: number, i: number) => {
    const bucket = buckets[rank] as Array<number>;
    if (bucket.length < limit && !matched.has(i)) {
      bucket.push(i);
      matched.add(i);
    }
  };

  const code = q.toUpperCase();
  if (words.length === 1 && CODE_LIKE.test(code) && code.length >= MIN_CODE_PREFIX) {
    for (let k = lowerBound(index.codes, code); k < index.codes.length; k++) {
      const c = index.codes[k] as string;
      if (!c.startsWith(code)) break;
      put(c === code ? MATCH_RANKS.codeExact : MATCH_RANKS.codePrefix, index.codeEntry[k] as number);
      if ((buckets[MATCH_RANKS.codePrefix] as Array<number>).length >= limit) break;
    }
  }

  const { names, addresses } = index;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (words.length === 1) {
      const at = name.indexOf(q);
      if (at === 0) put(name.length === q.length ? MATCH_RANKS.nameExact : MATCH_RANKS.namePrefix, i);
      else if (at > 0) put(MATCH_RANKS.nameContains, i);
      else if ((addresses[i] as string).includes(q)) put(MATCH_RANKS.addressContains, i);
    } else {
      const address = addresses[i] as string;
      if (words.every((w) => name.includes(w))) put(MATCH_RANKS.nameContains, i);
      else if (words.every((w) => name.includes(w) || address.includes(w))) put(MATCH_RANKS.addressContains, i);
    }
  }

  const ranks = Object.keys(MATCH_RANKS) as Array<MatchKind>;
  const hits: Array<SearchHit> = [];
  buckets.forEach((bucket, rank) => {
    const match = ranks[rank] as MatchKind;
    for (const i of bucket) {
      if (hits.length >= limit) return;
      hits.push({ entry: index.entries[i] as SearchEntry, match });
    }
  });
  return hits;
}

/** Merges the hits of several indexes into one ranking (each list is already in its own order). */
export function mergeHits(lists: ReadonlyArray<ReadonlyArray<SearchHit>>, limit = 20): Array<SearchHit> {
  // NOTE: Array.prototype.sort is stable, so each list keeps its name-length order within a rank.
  return lists
    .flat()
    .sort((a, b) => MATCH_RANKS[a.match] - MATCH_RANKS[b.match] || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind])
    .slice(0, limit);
}

export type CreditCodeHint = { kind: 'checkFailed'; expected: string } | { kind: 'badCharacters' } | null;

/**
 * A full-length code (18 characters, no CJK) that fails its GB 32100 check gets a hint: a typo
 * in a code read over the phone must not look like "no such enterprise".
 */
export function creditCodeHint(query: string): CreditCodeHint {
  const code = normalize(query).toUpperCase();
  if (code.length !== 18 || !CODE_LIKE.test(code)) return null;
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected === null || !/^[0-9A-HJ-NPQRTUWXY]$/.test(code.charAt(17))) return { kind: 'badCharacters' };
  return expected === code.charAt(17) ? null : { kind: 'checkFailed', expected };
}
