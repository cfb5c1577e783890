/**
 * A policy file that cannot be read or is not valid. The message names the file, the offending JSON path
 * and the line (`policy.yaml:12:7 $.exemptions[0].expires: must match format "date"`), so a user can fix it
 * without reading a stack trace; `issues` holds every problem found, not only the first.
 */
import { AuditError } from './audit-error.ts';

export interface PolicyIssue {
  /** JSONPath of the offending value (`$.exemptions[0].expires`). */
  path: string;
  /** JSON Pointer of the same value (`/exemptions/0/expires`). */
  pointer: string;
  message: string;
  /** 1-based line and column in the file; undefined when the location is not known. */
  line?: number;
  column?: number;
}

export class PolicyError extends AuditError {
  readonly file: string;
  readonly issues: readonly PolicyIssue[];

  constructor(
    code: 'POLICY_INVALID' | 'POLICY_UNREADABLE',
    file: string,
    issues: readonly PolicyIssue[],
    options?: { cause?: unknown },
  ) {
    super(code, PolicyError.format(code, file, issues), options);
    this.name = 'PolicyError';
    this.file = file;
    this.issues = issues;
  }

  /** The first issue's JSONPath (convenience for callers that show one line). */
  get path(): string | undefined {
    return this.issues[0]?.path;
  }

  get line(): number | undefined {
    return this.issues[0]?.line;
  }

  static format(code: string, file: string, issues: readonly PolicyIssue[]): string {
    const head = code === 'POLICY_UNREADABLE' ? `cannot read audit policy ${file}` : `invalid audit policy ${file}`;
    const lines = issues.slice(0, 10).map((i) => `  ${PolicyError.where(file, i)} ${i.path}: ${i.message}`);
    if (issues.length > 10) lines.push(`  … and ${issues.length - 10} more`);
    return lines.length > 0 ? `${head}:\n${lines.join('\n')}` : head;
  }

  static where(file: string, issue: PolicyIssue): string {
    if (issue.line === undefined) return file;
    return `${file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  }
}
