/**
 * The report formats a run may add to the five it always writes (`--format`): one list for the flag, the
 * config file, the run plan and the report writers.
 */
export const EXPORT_FORMATS = ['ocsf', 'oscal'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
