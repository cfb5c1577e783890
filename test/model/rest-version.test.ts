import { describe, expect, it } from 'vitest';
import { isActualVersion, isQueryVersion, parseRestVersion } from '../../src/model/rest-version.ts';

describe('the REST version grammar', () => {
  it('should read a GA date and every documented stability suffix', () => {
    expect(parseRestVersion('2024-10-15')).toEqual({ date: '2024-10-15', stability: 'ga' });
    expect(parseRestVersion('2024-10-15~beta')).toEqual({ date: '2024-10-15', stability: 'beta' });
    expect(parseRestVersion('2024-10-15~experimental')?.stability).toBe('experimental');
    expect(parseRestVersion('2024-10-15~wip')?.stability).toBe('wip');
    expect(parseRestVersion('2024-10-15~work-in-progress')?.stability).toBe('wip');
  });

  it('should refuse dates that do not exist, other suffixes and floating names', () => {
    for (const bad of ['2024-02-30', '2024-13-01', '2024-10-15~stable', '2024-10-15~', 'beta', ' 2024-10-15', '24-10-15']) {
      expect(parseRestVersion(bad), bad).toBeUndefined();
    }
  });

  it('should accept floating names as a QueryVersion but not as an ActualVersion', () => {
    expect(isQueryVersion('beta')).toBe(true);
    expect(isQueryVersion('work-in-progress')).toBe(true);
    expect(isActualVersion('beta')).toBe(false);
    expect(isActualVersion('2021-09-13~beta')).toBe(true);
    expect(isQueryVersion('stable')).toBe(false);
  });
});
