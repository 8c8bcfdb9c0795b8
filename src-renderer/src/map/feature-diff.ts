/**
 * What changed between the features last pushed to a map source and the rows now in the replica,
 * by id and a cheap version string (e.g. lastSeq, or the few fields the map draws). Pure, so the
 * live layers can send only the changed features (GeoJSONSource.updateData) and this is testable.
 */
export type Versioned = { readonly id: string; readonly version: string };

export type KeyedDiff = {
  added: Array<string>;
  updated: Array<string>;
  removed: Array<string>;
};

export function diffKeyed(previous: ReadonlyMap<string, string>, next: Iterable<Versioned>): KeyedDiff {
  const added: Array<string> = [];
  const updated: Array<string> = [];
  const seen = new Set<string>();
  for (const { id, version } of next) {
    if (seen.has(id)) continue; // a duplicate id keeps its first version: a source holds one feature per id
    seen.add(id);
    const before = previous.get(id);
    if (before === undefined) added.push(id);
    else if (before !== version) updated.push(id);
  }
  const removed: Array<string> = [];
  for (const id of previous.keys()) if (!seen.has(id)) removed.push(id);
  return { added, updated, removed };
}

export function isEmptyDiff(diff: KeyedDiff): boolean {
  return diff.added.length === 0 && diff.updated.length === 0 && diff.removed.length === 0;
}

export function diffSize(diff: KeyedDiff): number {
  return diff.added.length + diff.updated.length + diff.removed.length;
}
