import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../cli/run-cli.ts';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };

describe('the nightly CI recipes', () => {
  it('should be a GitHub Actions workflow that runs on a schedule and publishes every report', async () => {
    const wf = parse(await readFile(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')) as {
      on: { schedule: { cron: string }[] };
      jobs: Record<string, { steps: Step[] }>;
    };
    expect(wf.on.schedule[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    const steps = Object.values(wf.jobs)[0]!.steps;
    const run = steps.find((s) => s.run?.includes('snyk-tenant-check run'))!;
    expect(run.run).toContain('--tenant live');
    expect(run.run).toContain('--previous');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
    expect(run.env?.SNYK_TOKEN).toBe('${{ secrets.SNYK_TOKEN }}');
    expect(steps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY') && s.run.includes('summary.md'))).toBe(true);
    expect(steps.some((s) => s.with?.report_paths === 'reports/junit.xml')).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && s.if === 'always()')).toBe(true);
  });

  it('should be a GitLab CI job with a JUnit report and the reports as artifacts', async () => {
    const ci = parse(await readFile(join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { script: string[]; artifacts: { when: string; paths: string[]; reports: { junit: string } } }
    >;
    const job = ci['snyk-tenant-check']!;
    expect(job.script.join('\n')).toContain('snyk-tenant-check run --tenant live');
    expect(job.artifacts.reports.junit).toBe('reports/junit.xml');
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.paths).toContain('reports/');
  });
});
