/**
 * Three-valued (Kleene) logic for judgements over incomplete data: `undefined` means "cannot tell". A rule
 * states its condition once with these operators; where a missing value could not change the verdict the
 * verdict is definite, otherwise it is `unknown` — never a pass by default.
 */
export type Tri = boolean | undefined;

export function and3(...values: Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

export function not3(value: Tri): Tri {
  return value === undefined ? undefined : !value;
}
