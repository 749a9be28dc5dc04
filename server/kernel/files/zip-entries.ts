/**
 * The entry names of a ZIP archive, read from its central directory (PKWARE APPNOTE §4.3.12–4.3.16,
 * ZIP64 included). DOCX, XLSX, PPTX and OFD are ZIP containers told apart only by the names of their
 * parts, so names are all the detector needs: nothing is decompressed.
 */

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
/** The end record is followed by a comment of at most 65,535 bytes. */
const MAX_COMMENT = 0xffff;
/** Enough for any office document; bounds the work an adversarial archive can cause. */
const MAX_ENTRIES = 100_000;

interface Directory {
  offset: number;
  size: number;
  entries: number;
}

/** Entry names, or null when the archive's central directory cannot be read (corrupt or truncated). */
export function zipEntryNames(data: Buffer): string[] | null {
  const directory = findCentralDirectory(data);
  if (!directory || directory.entries > MAX_ENTRIES) return null;
  const { offset, size, entries } = directory;
  if (offset + size > data.length) return null;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > data.length) return null;
    names.push(data.toString('utf8', at + 46, nameEnd));
    at = nameEnd + extraLength + commentLength;
  }
  return names;
}

function findCentralDirectory(data: Buffer): Directory | null {
  const eocd = findEndRecord(data);
  if (eocd < 0) return null;
  const entries = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (entries !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { offset, size, entries };
  // ZIP64: the 32-bit fields are saturated and the real values sit in the ZIP64 end record.
  const locator = eocd - 20;
  if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) return null;
  const record = Number(data.readBigUInt64LE(locator + 8));
  if (record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) return null;
  return {
    entries: Number(data.readBigUInt64LE(record + 32)),
    size: Number(data.readBigUInt64LE(record + 40)),
    offset: Number(data.readBigUInt64LE(record + 48)),
  };
}

/** The end-of-central-directory record is searched backwards, past a possible archive comment. */
function findEndRecord(data: Buffer): number {
  const stop = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = data.length - EOCD_SIZE; at >= stop; at--) {
    if (data.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + data.readUInt16LE(at + 20) <= data.length) return at;
  }
  return -1;
}
