/**
 * The optional config file, `snyk-tenant-check.config.json` in the working directory or `--config FILE`.
 * Validated against schemas/config.schema.json; a mistake is a ConfigError naming the file and the field
 * (exit 2). Relative paths in it are relative to the file, as a user reading it would expect.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { schemas } from '../schema/registry.ts';
import { ConfigError } from '../model/errors.ts';
import type { ToolConfig } from '../schema/generated/config.ts';

export type { ToolConfig };
export const CONFIG_FILE_NAME = 'snyk-tenant-check.config.json';
const CONFIG_SCHEMA = 'https://snyk-tenant-check.dev/schemas/config.schema.json';

/** Reads the config file; undefined when there is none (and none was asked for). */
export async function loadConfigFile(explicitPath: string | undefined, cwd = process.cwd()): Promise<ToolConfig | undefined> {
  const path = resolve(cwd, explicitPath ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError('CONFIG_FILE_UNREADABLE', `cannot read the config file ${path}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('CONFIG_FILE_INVALID', `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const { valid, errors } = schemas().validate(CONFIG_SCHEMA, value);
  if (!valid) {
    const first = errors[0]!;
    const where = first.instancePath || '/';
    const extra = first.keyword === 'additionalProperties' ? ` '${String(first.params.additionalProperty)}'` : '';
    throw new ConfigError('CONFIG_FILE_INVALID', `${path}: ${where}: ${first.message}${extra}`);
  }
  const config = value as ToolConfig;
  const base = dirname(path);
  for (const key of ['out', 'policy', 'previous', 'state'] as const) {
    const v = config[key];
    if (v !== undefined) config[key] = resolve(base, v);
  }
  return config;
}

/** The environment a config file implies: its tenant coordinates override the process environment. */
export function envFromConfig(config: ToolConfig | undefined, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!config) return env;
  return {
    ...env,
    ...(config.snykApiUrl ? { SNYK_API_URL: config.snykApiUrl } : {}),
    ...(config.apiwebUrl ? { SNYK_APIWEB_URL: config.apiwebUrl } : {}),
    ...(config.apiVersion ? { SNYK_API_VERSION: config.apiVersion } : {}),
    ...(config.orgIds ? { SNYK_ORG_IDS: config.orgIds.join(','), SNYK_ORG_ID: config.orgIds[0] } : {}),
    ...(config.groupId ? { SNYK_GROUP_ID: config.groupId } : {}),
  };
}
