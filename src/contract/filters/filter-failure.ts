/** What a filter_semantics failure looks like (the check definition lives in checks/filter-semantics.ts). */
export const FILTER_SEMANTICS = {
  title: 'A filter does not select what it documents',
  severity: 'high' as const,
};

/** Values by descending frequency (ties by value), for picking filter values from the tenant's data. */
export const mostFrequent = (values: string[]): string[] => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
};

