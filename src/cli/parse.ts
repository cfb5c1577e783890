/**
 * Flag parsing on node:util parseArgs (strict: an unknown flag is a usage error, exit 2), plus the small
 * value parsers every command shares.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(argv: string[], options: T, command: string, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${message} (see 'snyk-tenant-check ${command} --help')`);
  }
}

export function intFlag(value: string | undefined, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`--${name} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${value}'`);
  }
  return Number(value);
}

export function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} takes one of ${allowed.join(', ')}, not '${value}'`);
  }
  return value as T;
}

/** A comma-separated list of allowed values (`--format ocsf,oscal`), deduplicated; undefined when the flag is absent. */
export function listOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (wrong.length > 0 || items.length === 0) {
    throw new UsageError(`--${name} takes a comma-separated list of ${allowed.join(', ')}, not '${value}'`);
  }
  return [...new Set(items)] as T[];
}
