/* Generated from schemas/config.schema.json by `npm run gen:types`. Do not edit. */

/**
 * snyk-tenant-check.config.json: defaults for `run`. Precedence: environment < this file < flags. Tokens never belong here; they stay in SNYK_TOKEN and SNYK_APIWEB_TOKEN.
 */
export interface ToolConfig {
  $schema?: string;
  tenant?: 'mock' | 'live';
  suite?: 'contract' | 'audit' | 'all';
  out?: string;
  /**
   * extra outputs besides the five reports: ocsf (findings.ocsf.jsonl), oscal (assessment-results.oscal.json); same as --format
   */
  formats?: ('ocsf' | 'oscal')[];
  policy?: string;
  previous?: string;
  state?: string;
  failOn?: 'critical' | 'high' | 'medium' | 'low' | 'new' | 'never';
  /**
   * like --strict: assumed assertions (where the documentation is silent) fail checks instead of warning
   */
  strict?: boolean;
  numRuns?: number;
  /**
   * REST version: YYYY-MM-DD, optionally with ~beta, ~experimental or ~wip
   */
  apiVersion?: string;
  snykApiUrl?: string;
  apiwebUrl?: string;
  /**
   * @minItems 1
   */
  orgIds?: [string, ...string[]];
  groupId?: string;
  /**
   * requests per minute per API key
   */
  rateLimits?: {
    v1?: number;
    rest?: number;
    apiweb?: number;
  };
}
