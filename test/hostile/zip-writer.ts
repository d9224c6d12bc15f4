/**
 * A minimal zip writer for hostile tests (native zlib, fast for tens of MB): each part deflated, and the unzipped
 * size the zip records may be set to a lie (`declare`), as a hostile file would.
 */
import * as zlib from "node:zlib";
import JSZip from "jszip";

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The unzipped size written into the local header and the central directory (default: the true size). */
  declare?: number;
}

export function writeZip(parts: ZipPart[], level = 6): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const body = zlib.deflateRawSync(p.data, { level });
    const crc = zlib.crc32(p.data);
    const size = p.declare ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Every part of a zip (an .xlsx), in order, as bytes: to rewrite it with writeZip. */
export async function zipParts(bytes: Buffer): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: ZipPart[] = [];
  for (const f of Object.values(zip.files)) {
    if (!f.dir) out.push({ name: f.name, data: await f.async("nodebuffer") });
  }
  return out;
}
