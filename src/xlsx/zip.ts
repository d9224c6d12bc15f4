/**
 * Zip, the parts of it an .xlsx/.docx reader needs, with no Node and no DOM (the CLI and the task pane share it):
 * the central directory (entries and the sizes they declare) and unzipping chosen entries never past the size each
 * declares (a zip bomb, or a directory that lies, is stopped there). The inflater is the caller's: Node's zlib in
 * the CLI (fast, native), fflate's streaming inflater in the browser (inflateBounded below).
 */
import { Inflate, strFromU8 } from "fflate";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The unzipped size the directory declares (it may lie: unzipGuarded never inflates past it). */
  size: number;
  /** Offset of the entry's local header. */
  local: number;
}

/**
 * The unzipped size a zip declares in its central directory, summed over its entries, without decompressing
 * anything (Zip64 sizes included); undefined when the bytes hold no central directory (the reader then says
 * "damaged", and so it does for a directory that claims more entries than it holds: the zip readers refuse those too).
 */
export function declaredUnzippedSize(buf: Uint8Array): number | undefined {
  const entries = zipEntries(buf);
  return entries?.reduce((sum, e) => sum + e.size, 0);
}

/** The entries of a zip's central directory (Zip64 read), or undefined when there is none that holds together. */
export function zipEntries(buf: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let entries = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((offset === 0xffffffff || entries === 0xffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = u64(eocd - 20 + 8);
    if (z64 + 56 > buf.length || u32(z64) !== 0x06064b50) return undefined;
    entries = u64(z64 + 32);
    offset = u64(z64 + 48);
  }
  const out: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buf.length || u32(at) !== 0x02014b50) return undefined;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    let local = u32(at + 42);
    if (at + 46 + nameLen > buf.length) return undefined;
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    // Names flagged UTF-8 (bit 11) as UTF-8, others as Latin-1 (strFromU8 works where TextDecoder is missing: IE11).
    const name = strFromU8(nameBytes, (flags & 0x800) === 0);
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      // Zip64 extended information: the 64-bit fields, in this order, for those whose 32-bit field is all ones.
      let found = false;
      for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen && x + 4 <= buf.length;) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001 && x + 4 + len <= buf.length) {
          let f = x + 4;
          if (size === 0xffffffff && f + 8 <= x + 4 + len) {
            size = u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + len) {
            compressedSize = u64(f);
            f += 8;
          }
          if (local === 0xffffffff && f + 8 <= x + 4 + len) local = u64(f);
          found = true;
          break;
        }
        x += 4 + len;
      }
      if (!found || size === 0xffffffff) return undefined;
    }
    out.push({ name, method, compressedSize, size, local });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** What went wrong unzipping, for the caller to word as its own error ("damaged", with the detail given). */
export type ZipFault = "damaged" | "lie" | "method";

export const ZIP_LIE =
  "压缩包记录的大小与实际内容不符，已在记录的大小处停止解压 / the sizes the zip records do not match its contents; unzipping stopped at the recorded size";

export interface Unzipper {
  /**
   * Raw DEFLATE data inflated to at most `size` bytes: the bytes, or "overrun" as soon as the output passes `size`.
   * Throws on data that is not DEFLATE.
   */
  inflate(data: Uint8Array, size: number): Uint8Array | "overrun";
  /** Never returns: throws the caller's own error. */
  fault(kind: ZipFault, detail?: string): never;
}

/**
 * Unzips the entries `wanted` picks, never past what the directory declares. `onEntry` receives each unzipped
 * entry instead of keeping them. The caller has held the declared sizes under its limit before.
 */
export function unzipEntries(
  buf: Uint8Array,
  entries: ZipEntry[],
  wanted: (name: string) => boolean,
  z: Unzipper,
  onEntry?: (name: string, data: Uint8Array) => void,
): Map<string, Uint8Array> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (!wanted(e.name)) continue;
    if (e.local + 30 > buf.length || view.getUint32(e.local, true) !== 0x04034b50) z.fault("damaged");
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    if (start + e.compressedSize > buf.length) z.fault("damaged");
    const data = buf.subarray(start, start + e.compressedSize);
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (data.length !== e.size) z.fault("lie", ZIP_LIE);
      bytes = data;
    } else if (e.method === 8) {
      let r: Uint8Array | "overrun";
      try {
        r = z.inflate(data, e.size);
      } catch {
        z.fault("damaged");
      }
      if (r === "overrun" || r.length !== e.size) z.fault("lie", ZIP_LIE);
      bytes = r;
    } else z.fault("method", `压缩方式 ${e.method} / compression method ${e.method}`);
    if (onEntry) onEntry(e.name, bytes);
    else out.set(e.name, bytes);
  }
  return out;
}

/** Inflating in the browser (fflate), in small pieces: stops as soon as the output passes `size`. */
export function inflateBounded(data: Uint8Array, size: number): Uint8Array | "overrun" {
  const out = new Uint8Array(size);
  let at = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (at + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
  });
  // 16 KB of input inflates to at most ~16 MB (DEFLATE's ratio is at most ~1032:1) before the size is held to it.
  const PIECE = 16 * 1024;
  for (let i = 0; i < data.length && !over; i += PIECE) {
    const end = Math.min(data.length, i + PIECE);
    inflater.push(data.subarray(i, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (over) return "overrun";
  return at === size ? out : out.subarray(0, at);
}
