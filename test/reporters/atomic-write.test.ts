import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUFFER_BYTES, writeFileAtomic } from '../../reporters/atomic-write.ts';
import { prng } from './results-builder.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'stc-atomic-'));

/** Chunks of mixed-width text (ASCII, 2- and 3-byte characters, astral pairs), some far larger than a buffer. */
function* mixedChunks(seed: number, total: number): Generator<string> {
  const rand = prng(seed);
  const alphabet = ['a', 'z', ',', '\n', 'é', 'ß', '€', '中', '😀', '𝄞'];
  let produced = 0;
  while (produced < total) {
    const length = rand() < 0.05 ? Math.floor(rand() * BUFFER_BYTES) : Math.floor(rand() * 300);
    let piece = '';
    for (let i = 0; i < 97; i++) piece += alphabet[Math.floor(rand() * alphabet.length)];
    const chunk = piece.repeat(Math.ceil(length / piece.length));
    produced += chunk.length;
    yield chunk;
  }
}

describe('writeFileAtomic', () => {
  it('should write streamed chunks byte for byte across many buffers, never splitting a character', async () => {
    const seed = 4242;
    console.log(`atomic-write chunk seed: ${seed}`);
    const expected = [...mixedChunks(seed, 3 * BUFFER_BYTES)].join('');
    const file = join(tmp(), 'big.txt');
    const bytes = await writeFileAtomic(file, mixedChunks(seed, 3 * BUFFER_BYTES));
    const written = readFileSync(file);
    expect(bytes).toBe(written.length);
    expect(written.equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('should keep a surrogate pair split across two chunks whole', async () => {
    const file = join(tmp(), 'pair.txt');
    const [high, low] = ['\uD83D', '\uDE00'];
    // The pair straddles two chunks, and the second time a buffer boundary too.
    await writeFileAtomic(file, ['a', `b${high}`, `${low}c`, 'x'.repeat(BUFFER_BYTES / 3 - 1) + high, `${low}!`]);
    expect(readFileSync(file, 'utf8')).toBe(`ab😀c${'x'.repeat(BUFFER_BYTES / 3 - 1)}😀!`);
  });

  it('should cut a string longer than a buffer between characters, not inside a surrogate pair', async () => {
    const file = join(tmp(), 'long.txt');
    // Encoded in slices of BUFFER_BYTES / 3 code units: put a pair right across the first slice boundary.
    const slice = Math.floor(BUFFER_BYTES / 3);
    const text = `${'a'.repeat(slice - 1)}😀${'é'.repeat(slice)}€${'b'.repeat(10)}`;
    await writeFileAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('should write a lone surrogate as U+FFFD, as Buffer does', async () => {
    const file = join(tmp(), 'lone.txt');
    await writeFileAtomic(file, ['x\uD800', 'y', '\uDBFF']);
    expect(readFileSync(file, 'utf8')).toBe('x\uFFFDy\uFFFD');
  });

  it('should accept a string, an async iterable and an empty iterable', async () => {
    const dir = tmp();
    await writeFileAtomic(join(dir, 'a'), 'plain');
    await writeFileAtomic(
      join(dir, 'b'),
      (async function* () {
        yield 'as';
        yield 'ync';
      })(),
    );
    await writeFileAtomic(join(dir, 'c'), []);
    expect(['a', 'b', 'c'].map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(['plain', 'async', '']);
  });

  it('should keep the old file and remove the temporary one when the content fails midway', async () => {
    const dir = tmp();
    const file = join(dir, 'report.xml');
    writeFileSync(file, 'old');
    function* failing(): Generator<string> {
      for (let i = 0; i < 40; i++) yield 'y'.repeat(100_000); // several buffers are written first
      throw new Error('renderer broke');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('renderer broke');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.xml']);
  });

  it('should write the same bytes with and without the fsync', async () => {
    const dir = tmp();
    await writeFileAtomic(join(dir, 'synced'), ['one', 'two'], { fsyncMaxBytes: Number.POSITIVE_INFINITY });
    await writeFileAtomic(join(dir, 'unsynced'), ['one', 'two'], { fsyncMaxBytes: 0 });
    expect(readFileSync(join(dir, 'synced'), 'utf8')).toBe('onetwo');
    expect(readFileSync(join(dir, 'unsynced'), 'utf8')).toBe('onetwo');
  });
});
