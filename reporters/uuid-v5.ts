/**
 * Name-based UUIDs (version 5, SHA-1; RFC 9562 §5.5): the same namespace and name always give the same UUID, so
 * an export written twice from the same results names every object the same way (the OSCAL export's documents,
 * observations and findings; a consumer that re-imports a run updates its objects instead of duplicating them).
 */
import { hash as digest } from 'node:crypto';


const namespaceBytes = new Map<string, Buffer>();

function uuidBytes(uuid: string): Buffer {
  let bytes = namespaceBytes.get(uuid);
  if (bytes === undefined) namespaceBytes.set(uuid, (bytes = Buffer.from(uuid.replaceAll('-', ''), 'hex')));
  return bytes;
}

export function uuidV5(namespace: string, name: string): string {
  // crypto.hash: one call per UUID, cheaper than a Hash object (the OSCAL export makes two per finding).
  const hash = digest('sha1', Buffer.concat([uuidBytes(namespace), Buffer.from(name, 'utf8')]), 'buffer');
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** This tool's namespace (itself a v5 UUID of the URL namespace, RFC 9562 §6.6, and the tool's schema URL). */
export const TOOL_NAMESPACE: string = uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'https://snyk-tenant-check.dev/');
