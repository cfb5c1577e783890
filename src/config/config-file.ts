/**
 * The optional config file: `snyk-tenant-check.config.json` or `snyk-tenant-check.config.ts` in the working
 * directory, or `--config FILE`. A `.ts`/`.js`/`.mjs` file's default export is the configuration (the CLI runs
 * under tsx's loader, so TypeScript imports as is); either way it is validated against
 * schemas/config.schema.json, and a mistake is a ConfigError naming the file and the field (exit 2). Relative
 * paths in it are relative to the file, as a user reading it would expect.
 */
import { access, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { schemas } from '../schema/registry.ts';
import { ConfigError } from '../model/errors.ts';
import type { ToolConfig } from '../schema/generated/config.ts';

export type { ToolConfig };
export const CONFIG_FILE_NAME = 'snyk-tenant-check.config.json';
export const CONFIG_MODULE_NAME = 'snyk-tenant-check.config.ts';

const isModule = (path: string): boolean => /\.(ts|mts|js|mjs)$/.test(path);

async function readConfigValue(path: string): Promise<unknown> {
  if (isModule(path)) {
    try {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      return mod.default;
    } catch (error) {
      throw new ConfigError('CONFIG_FILE_INVALID', `cannot load the config module ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError('CONFIG_FILE_INVALID', `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
const CONFIG_SCHEMA = 'https://snyk-tenant-check.dev/schemas/config.schema.json';

/** Reads the config file; undefined when there is none (and none was asked for). */
export async function loadConfigFile(explicitPath: string | undefined, cwd = process.cwd()): Promise<ToolConfig | undefined> {
  let path: string;
  if (explicitPath) {
    path = resolve(cwd, explicitPath);
    try {
      await access(path);
    } catch (error) {
      throw new ConfigError('CONFIG_FILE_UNREADABLE', `cannot read the config file ${path}`, { cause: error });
    }
  } else {
    const found = await firstExisting([resolve(cwd, CONFIG_FILE_NAME), resolve(cwd, CONFIG_MODULE_NAME)]);
    if (!found) return undefined;
    path = found;
  }
  let value: unknown;
  try {
    value = await readConfigValue(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('CONFIG_FILE_UNREADABLE', `cannot read the config file ${path}`, { cause: error });
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

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
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
