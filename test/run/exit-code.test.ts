import { describe, expect, it } from 'vitest';
import { exitCodeForError } from '../../src/run/exit-code.ts';
import { ConfigError, StcError, TenantUnreachableError } from '../../src/model/errors.ts';
import { AuditError } from '../../src/audit/audit-error.ts';
import { ContractError } from '../../src/contract/contract-error.ts';
import { MockError } from '../../src/mock/mock-error.ts';
import { ReportError } from '../../reporters/report-error.ts';
import { UsageError } from '../../src/cli/usage-error.ts';

describe('the exit code of an error', () => {
  it("should be 2 for the user's mistakes: usage, configuration, policy, previous results, state", () => {
    expect(exitCodeForError(new UsageError('bad flag'))).toBe(2);
    expect(exitCodeForError(new ConfigError('CONFIG_INVALID_URL', 'bad url'))).toBe(2);
    expect(exitCodeForError(new AuditError('POLICY_INVALID', 'bad policy'))).toBe(2);
    expect(exitCodeForError(new AuditError('PREVIOUS_UNREADABLE', 'no file'))).toBe(2);
    expect(exitCodeForError(new AuditError('STATE_INVALID', 'bad state'))).toBe(2);
  });

  it('should be 3 for an unreachable tenant, a failed report and anything unknown', () => {
    expect(exitCodeForError(new TenantUnreachableError('down'))).toBe(3);
    expect(exitCodeForError(new ReportError('REPORT_WRITE_FAILED', 'disk full'))).toBe(3);
    expect(exitCodeForError(new Error('boom'))).toBe(3);
    expect(exitCodeForError(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe(3);
  });

  it('should come from one error base with a stable code and the cause', () => {
    const cause = new Error('root');
    for (const error of [
      new UsageError('x'),
      new ContractError('CONTRACT_CLEANUP', 'x', { cause }),
      new MockError('MOCK_CLOSED', 'x', { cause }),
      new ReportError('REPORT_RESULTS_INVALID', 'x', { cause }),
    ]) {
      expect(error).toBeInstanceOf(StcError);
      expect(error.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(error.code).not.toMatch(/^(STC|ERR)_/);
    }
    expect(new MockError('MOCK_CLOSED', 'x', { cause }).cause).toBe(cause);
  });
});
