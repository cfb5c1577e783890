/**
 * Writes a file atomically: the content goes to a temporary file in the same directory (same filesystem, so
 * the rename is atomic on POSIX), then the temporary file is renamed over the target. A reader (a CI uploader,
 * a browser) sees the old file or the new one, never half of one, even if the run is killed mid-write; if the
 * content fails midway (a renderer throws), the temporary file is removed and the old file stays.
 *
 * Content is a string or an iterable of string chunks (a report streamed by its renderer): chunks are gathered
 * into batches of about BATCH_CHARS and written one batch at a time, so memory stays bounded by a batch, not by
 * the size of the report (a 100k-user tenant's junit.xml is tens of MB).
 *
 * Durability: files up to FSYNC_MAX_BYTES are flushed (fsync) before the rename. Larger ones are not: the
 * rename alone already gives readers the all-or-nothing view (rename(2) swaps the directory entry in one step,
 * and the page cache serves the new file's complete data to every reader, also after the writing process is
 * killed). What an fsync adds is only survival of a machine crash or power loss in the next seconds, and for that
 * ext4 (auto_da_alloc), XFS and btrfs already flush a file's data before committing a rename that replaces an
 * existing file. A report is derived data, re-created by re-running; paying a disk flush of tens of MB in every
 * run to protect against a power cut in that window is not worth it on a slow CI disk.
 */
import { randomBytes, type Hash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Each of the two write buffers: chunks are UTF-8 encoded straight into one while the other is being written,
 * so rendering and disk writes overlap.
 */
export const BUFFER_BYTES = 2 * 1024 * 1024;
/** Files up to this size are fsync'd before the rename (see above for why larger ones are not). */
export const FSYNC_MAX_BYTES = 8 * 1024 * 1024;

export type FileContent = string | Iterable<string> | AsyncIterable<string>;

export interface AtomicWriteOptions {
  /** Overrides FSYNC_MAX_BYTES (0: never fsync, Infinity: always). */
  fsyncMaxBytes?: number;
  /**
   * Fed every byte written, in order (e.g. a SHA-256 for manifest.json): the digest of the file as written,
   * without reading it back.
   */
  hash?: Hash;
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** A UTF-16 code unit encodes to at most 3 UTF-8 bytes (a surrogate pair, 2 units, to 4). */
const MAX_BYTES_PER_UNIT = 3;
/** Longer chunks are encoded in slices of this many code units, so each slice fits the buffer. */
const SLICE_UNITS = Math.floor(BUFFER_BYTES / MAX_BYTES_PER_UNIT);

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Encodes chunks into reused buffers (no joined string, no buffer per chunk: encoding each chunk in place is
 * several times cheaper than joining 1 MB of chunks and encoding the result) and hands a buffer to `flush`
 * whenever it is full, going on with the other one while that write is under way. `push` is synchronous, so a
 * synchronous generator is read without a promise per chunk.
 */
class ChunkEncoder {
  #buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  #spare = Buffer.allocUnsafe(BUFFER_BYTES);
  #used = 0;
  /** The write of the spare buffer, if one is under way. */
  #inFlight: Promise<void> | undefined;
  /** Text not yet encoded because the buffer was full. */
  #pending = '';
  /** A high surrogate that ended the previous chunk: its pair may start the next one. */
  #carry = '';
  bytes = 0;

  constructor(private readonly flush: (buffer: Buffer) => Promise<void>) {}

  /** Encodes as much of `chunk` as fits; true when the buffer is full and `drain` must run before the next push. */
  push(chunk: string): boolean {
    let text = this.#carry === '' ? chunk : this.#carry + chunk;
    this.#carry = '';
    if (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1))) {
      this.#carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.#pending = text;
    return this.#encodePending();
  }

  #encodePending(): boolean {
    while (this.#pending.length > 0) {
      const text = this.#pending;
      let end = Math.min(text.length, SLICE_UNITS);
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      if (this.#used + end * MAX_BYTES_PER_UNIT > BUFFER_BYTES) return true;
      this.#used += this.#buffer.write(end === text.length ? text : text.slice(0, end), this.#used, 'utf8');
      this.#pending = end === text.length ? '' : text.slice(end);
    }
    return false;
  }

  /** Starts writing the full buffer, then encodes what was pending into the other (as often as one fills up). */
  async drain(): Promise<void> {
    do {
      if (this.#used > 0) {
        // One write at a time (each goes at the file position the previous one left), and the spare buffer is
        // reused only once its own write is done.
        await this.#inFlight;
        const full = this.#buffer.subarray(0, this.#used);
        this.bytes += this.#used;
        this.#used = 0;
        [this.#buffer, this.#spare] = [this.#spare, this.#buffer];
        const write = this.flush(full);
        write.catch(() => {}); // awaited (and thrown) at the next drain, end or settle; not unhandled meanwhile
        this.#inFlight = write;
      }
    } while (this.#encodePending());
  }

  /** Writes everything; a lone high surrogate left at the very end is written as U+FFFD (as Buffer.from does). */
  async end(): Promise<void> {
    this.#pending = this.#carry;
    this.#carry = '';
    await this.drain();
    if (this.#used > 0) await this.drain();
    await this.#inFlight;
  }

  /** Waits for a write under way, ignoring its outcome (before closing the file after a failure). */
  async settle(): Promise<void> {
    await this.#inFlight?.catch(() => {});
  }
}

/** Writes `content` to `path` atomically; resolves with the number of bytes written. */
export async function writeFileAtomic(path: string, content: FileContent, options: AtomicWriteOptions = {}): Promise<number> {
  const tmp = tempPath(path);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    let bytes = 0;
    const encoder = new ChunkEncoder(async (buffer) => {
      // Hashed before the first await: the buffer is reused only after this write is done.
      options.hash?.update(buffer);
      for (let offset = 0; offset < buffer.length; ) {
        const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
        offset += bytesWritten;
      }
    });
    try {
      const chunks = typeof content === 'string' ? [content] : content;
      if (Symbol.asyncIterator in chunks) {
        for await (const chunk of chunks) if (encoder.push(chunk)) await encoder.drain();
      } else {
        for (const chunk of chunks) if (encoder.push(chunk)) await encoder.drain();
      }
      await encoder.end();
      bytes = encoder.bytes;
      if (bytes <= (options.fsyncMaxBytes ?? FSYNC_MAX_BYTES)) await handle.sync();
    } finally {
      await encoder.settle();
      await handle.close();
    }
    await rename(tmp, path);
    return bytes;
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
