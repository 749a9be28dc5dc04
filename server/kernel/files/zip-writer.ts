import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes a ZIP archive (PKWARE APPNOTE §4.3): each entry deflated, or stored when deflating does not
 * make it smaller; names in UTF-8 (general-purpose flag bit 11), so Chinese file names open correctly
 * in Windows Explorer and macOS Archive Utility. No ZIP64: an archive and its entries stay below 4 GiB
 * and 65,535 entries, which a case file's archive never approaches; larger input is refused.
 */

export interface ZipInput {
  name: string;
  data: Buffer;
  /** The entry's modification time (shown by unzip tools); defaults to the archive's. */
  modifiedAt?: Date;
}

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;
const UTF8_NAMES = 0x0800;

/** MS-DOS date and time (2-second resolution), in Beijing time: what archive tools show to users here. */
function dosDateTime(at: Date): { time: number; date: number } {
  const beijing = new Date(at.getTime() + 8 * 3600_000);
  const year = Math.max(1980, beijing.getUTCFullYear());
  return {
    time: (beijing.getUTCHours() << 11) | (beijing.getUTCMinutes() << 5) | (beijing.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((beijing.getUTCMonth() + 1) << 5) | beijing.getUTCDate(),
  };
}

export function zipArchive(entries: ZipInput[], modifiedAt: Date = new Date()): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`zip: ${entries.length} entries exceed ${MAX_ENTRIES}`);
  const names = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip: duplicate entry ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data);
    const stored = deflated.length >= entry.data.length;
    const packed = stored ? entry.data : deflated;
    if (entry.data.length > MAX_BYTES || offset + packed.length > MAX_BYTES) throw new Error('zip: archive exceeds 4 GiB');
    const { time, date } = dosDateTime(entry.modifiedAt ?? modifiedAt);
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x0314, 4); // made by: UNIX, 2.0
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(stored ? 0 : 8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra, comment, disk number, internal attributes: 0
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    header.writeUInt32LE(offset, 42);

    parts.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
