/**
 * Opaque pagination cursors (`starting_after`, `ending_before`, audit `cursor`). Shaped like Snyk's own
 * (`v1.` + base64 of a small JSON document, spec example `v1.eyJpZCI6IjEwMDAifQo=`); clients must treat them
 * as opaque. A cursor that does not decode is a 400.
 */
export function encodeCursor(value: unknown): string {
  return `v1.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
}

export function decodeCursor(text: string): unknown {
  if (!text.startsWith('v1.')) return undefined;
  const raw = text.slice(3);
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
