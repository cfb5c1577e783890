import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/model/results.ts';
import { CSV_COLUMNS, csvCell, findingsCsvChunks, renderFindingsCsv } from '../../reporters/csv.ts';
import { HOSTILE, OWN_TITLE, hostileResults, inheritanceResults, largeResults, normalResults, withRuleCopies, withoutRuleCopies } from './results-builder.ts';

/** An RFC 4180 reader written independently of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === ',') row.push(cell), (cell = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 2);
    else if (c === '\r' || c === '\n') throw new Error(`bare line break outside quotes at ${i}`);
    else (cell += c), i++;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

/** What a cell should read back as: control characters dropped, formula starters prefixed with '. */
function expected(value: string): string {
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

function table(results: RunResults): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(renderFindingsCsv(results));
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => {
    expect(r).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i] ?? '']));
  });
}

describe('renderFindingsCsv', () => {
  it('should round-trip every finding through an RFC 4180 reader', () => {
    const results = normalResults();
    const rows = table(results);
    expect(rows).toHaveLength(results.findings.length);
    results.findings.forEach((f, i) => {
      const row = rows[i];
      expect(row?.rule_id).toBe(f.ruleId);
      expect(row?.subject_email).toBe(f.subject.email ?? '');
      expect(row?.outcome).toBe(f.outcome);
      expect(JSON.parse(row?.evidence_fields ?? '')).toEqual(f.evidence.fields);
      expect(row?.run_partial).toBe('false');
    });
    expect(rows.find((r) => r.outcome === 'exempt')?.exemption_ticket).toBe('SEC-123');
    expect(rows[0]?.controls).toBe('CIS Controls v8 6.5 (direct); NIST SP 800-53 r5 IA-2(1) (direct); PCI DSS v4.0.1 8.4.1 (direct)');
  });

  it('should neutralise formula prefixes and keep hostile text otherwise intact', () => {
    const results = hostileResults();
    const rows = table(results);
    results.findings.forEach((f, i) => {
      const row = rows[i];
      expect(row?.subject_email).toBe(expected(f.subject.email ?? ''));
      expect(row?.subject_name).toBe(expected(f.subject.name ?? ''));
      expect(row?.subject_kind).toBe(expected(f.subject.kind));
      expect(row?.message).toBe(expected(f.message ?? ''));
      expect(row?.run_partial).toBe('true');
    });
    // No cell may start a formula once read back.
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]?.subject_email).toBe(`'${HOSTILE.formula}`);
  });

  it('should prefix exactly the cells a spreadsheet would evaluate', () => {
    for (const v of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(v).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    for (const v of ['a=b', '1-2', 'user@example.com', '', ' =x']) expect(csvCell(v)).not.toMatch(/^"?'/);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('nul\u0000byte')).toBe('nulbyte');
  });

  it('should write only the header for a run without findings', () => {
    const results = normalResults();
    results.findings = [];
    expect(renderFindingsCsv(results)).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('should fill rule_title and controls from the rule when a finding has none, and keep a finding\'s own', () => {
    const rows = table(inheritanceResults());
    const byId = new Map(rows.map((r) => [r.subject_id, r] as const));
    expect(byId.get('u1')?.rule_title).toBe('MFA disabled');
    expect(byId.get('u1')?.controls).toBe('CIS Controls v8 6.3 (direct); NIST SP 800-53 r5 IA-2(2) (direct); PCI DSS v4.0.1 8.4.2 (direct); SOC 2 CC6.1 (supporting)');
    expect(byId.get('u2')?.rule_title).toBe(OWN_TITLE);
    expect(byId.get('u2')?.controls).toBe('Internal policy SEC-7 (supporting)');
    expect(byId.get('u3')?.controls).toBe('CIS Controls v8 5.3 (direct); NIST SP 800-53 r5 AC-2(3) (direct); PCI DSS v4.0.1 8.2.6 (direct); ISO/IEC 27001:2022 5.18 (supporting)');
    expect(byId.get('u4')?.rule_title).toBe('Rule outside the catalogue');
    expect(byId.get('u4')?.controls).toBe('Internal policy SEC-7 (supporting)');
  });

  it('should write the same file whether findings carry copies of their rule\'s controls and title or not', () => {
    const results = largeResults({ seed: 12, findings: 1_000 });
    expect(renderFindingsCsv(withoutRuleCopies(results))).toBe(renderFindingsCsv(withRuleCopies(results)));
  });

  it('should stream one chunk per row', () => {
    const results = normalResults();
    const chunks = [...findingsCsvChunks(results)];
    expect(chunks).toHaveLength(results.findings.length + 1);
    expect(chunks.every((c) => c.endsWith('\r\n'))).toBe(true);
    expect(chunks.join('')).toBe(renderFindingsCsv(results));
  });
});

