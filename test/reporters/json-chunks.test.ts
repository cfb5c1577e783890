import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../reporters/json-chunks.ts';

const SEED = Number(process.env.FC_SEED ?? 20250301);

describe('jsonChunks', () => {
  it('should produce exactly JSON.stringify text, compact and indented, for any JSON value', () => {
    console.log(`json-chunks property seed: ${SEED}`);
    const doc = fc.record({
      findings: fc.array(fc.jsonValue(), { maxLength: 8 }),
      diff: fc.option(fc.record({ resolvedFindings: fc.array(fc.jsonValue(), { maxLength: 4 }), new: fc.integer() }), { nil: undefined }),
      other: fc.jsonValue(),
    });
    fc.assert(
      fc.property(doc, fc.constantFrom('', '  ', '\t'), (value, indent) => {
        const text = [...jsonChunks(value, { indent, stream: ['/findings', '/diff/resolvedFindings'] })].join('');
        expect(text).toBe(JSON.stringify(value, null, indent));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should write each element of a streamed array as its own chunk and visit it first', () => {
    const value = { a: 1, findings: [{ x: 1 }, { y: '2' }, null], tail: [1, 2] };
    const seen: string[] = [];
    const chunks: string[] = [];
    for (const chunk of jsonChunks(value, { stream: ['/findings'], onItem: (p, i) => seen.push(`${p}/${i}@${chunks.length}`) })) chunks.push(chunk);
    expect(chunks.join('')).toBe(JSON.stringify(value));
    expect(chunks).toContain('[{"x":1}');
    expect(chunks).toContain(',{"y":"2"}');
    // Each item is visited before its chunk is produced.
    expect(seen).toEqual(['/findings/0@3', '/findings/1@4', '/findings/2@5']);
  });

  it('should leave out undefined members and write undefined array items as null, as JSON.stringify does', () => {
    const value = { a: undefined, findings: [undefined, 1], b: { c: undefined } };
    const text = [...jsonChunks(value, { indent: '  ', stream: ['/findings'] })].join('');
    expect(text).toBe(JSON.stringify(value, null, 2));
  });

  it('should stop where onItem throws', () => {
    const run = (): string[] => [...jsonChunks({ findings: [1, 2, 3] }, { stream: ['/findings'], onItem: (_p, i) => { if (i === 1) throw new Error('bad item'); } })];
    expect(run).toThrow('bad item');
  });
});
