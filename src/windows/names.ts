// Windows compares resource names (switches, VMs, NATs, rules, shares, credential targets,
// interface aliases, paths, accounts) with ordinal ignore case: each UTF-16 code unit is
// upper-cased on its own by the invariant simple mapping, with no locale and no expansion.
// So `ß` stays `ß` (never `SS`), the Kelvin sign `K` is not `k`, and the Turkish dotless `ı`
// upper-cases to itself (Windows' invariant table; ICU would give `I`). `toLowerCase()` gets
// several of these wrong (it makes `K` equal `k` and `ẞ` equal `ß`), so no other compare is used.

const DOTLESS_I = 'ı';

function upcaseUnit(unit: string): string {
  if (unit === DOTLESS_I) return unit;
  const upper = unit.toUpperCase();
  return upper.length === 1 ? upper : unit; // a full mapping (ß -> SS, ŉ -> ʼN) is not a simple one
}

/** A name in the form Windows compares: equal keys exactly when Windows calls the names the same. */
export function nameKey(name: string): string {
  if (/^[ -~]*$/.test(name)) return name.toUpperCase(); // printable ASCII: one mapping everywhere
  let key = '';
  for (let i = 0; i < name.length; i++) key += upcaseUnit(name[i]);
  return key;
}

/** Whether Windows calls two names the same. A missing name (null, undefined) names nothing and equals nothing. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && b != null && (a === b || nameKey(a) === nameKey(b));
}

/** Whether two keyword lists (ports, profiles, scopes) hold the same words, in any order, as Windows compares them. */
export function sameNameList(a: readonly string[], b: readonly string[]): boolean {
  const key = (list: readonly string[]) => list.map(nameKey).sort().join(',');
  return key(a) === key(b);
}
