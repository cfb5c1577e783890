/* Generated from schemas/v1/provision-list.schema.json by `npm run gen:types`. Do not edit. */

import type { ProvisionEntry } from './provision-entry.ts';

/**
 * GET /v1/org/{orgId}/provision 200: the org's pending user provisions (a bare array, not paginated).
 */
export type ProvisionList = ProvisionEntry[];
