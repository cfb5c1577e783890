/* Generated from schemas/**.schema.json by `npm run gen:types`. Do not edit. */
/* The root type of every schema, by its title. Types of $defs are exported by each schema’s own module. */

export type { ApiwebError } from './apiweb/error.ts';
export type { ApiwebFieldErrors } from './apiweb/field-errors.ts';
export type { ApiwebUserList } from './apiweb/user-list.ts';
export type { ApiwebUser } from './apiweb/user.ts';
export type { ToolConfig } from './config.ts';
export type { AuditPolicy } from './policy.ts';
export type { AuditLogSearchPage } from './rest/audit-log-search-page.ts';
export type { RestErrorDocument } from './rest/error-document.ts';
export type { GroupMembershipList } from './rest/group-membership-list.ts';
export type { GroupUserPatchRequest } from './rest/group-user-patch-request.ts';
export type { JsonApi } from './rest/jsonapi.ts';
export type { Links } from './rest/links.ts';
export type { OrgMembershipList } from './rest/org-membership-list.ts';
export type { OrgUserDocument } from './rest/org-user-document.ts';
export type { SelfDocument } from './rest/self-document.ts';
export type { RunResults } from './results.ts';
export type { LastSeenState } from './state.ts';
export type { V1Error } from './v1/error.ts';
export type { ProvisionDeleteResponse } from './v1/provision-delete-response.ts';
export type { ProvisionEntry } from './v1/provision-entry.ts';
export type { ProvisionList } from './v1/provision-list.ts';
export type { ProvisionRequest } from './v1/provision-request.ts';
