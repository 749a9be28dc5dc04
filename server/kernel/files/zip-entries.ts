import { inflateRawSync } from 'node:zlib';

/**
 * The entry names of a ZIP archive, read from its central directory (PKWARE APPNOTE §4.3.12–4.3.16,
 * ZIP64 included). DOCX, XLSX, PPTX and OFD are ZIP containers told apart only by the names of their
 * parts, so names are all the detector needs: nothing is decompressed there. Text extraction reads one
 * entry's content (zipEntry).
 */

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_ENTRY_SIGNATURE = 0x04034b50;
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

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory's entries, or null when it cannot be read (corrupt or truncated). */
function centralEntries(data: Buffer): Entry[] | null {
  const directory = findCentralDirectory(data);
  if (!directory || directory.entries > MAX_ENTRIES) return null;
  const { offset, size, entries } = directory;
  if (offset + size > data.length) return null;
  const out: Entry[] = [];
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > data.length) return null;
    out.push({
      name: data.toString('utf8', at + 46, nameEnd),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
    });
    at = nameEnd + extraLength + commentLength;
  }
  return out;
}

/** Entry names, or null when the archive's central directory cannot be read (corrupt or truncated). */
export function zipEntryNames(data: Buffer): string[] | null {
  return centralEntries(data)?.map((e) => e.name) ?? null;
}

/**
 * One entry's content (stored or deflated), e.g. a DOCX's word/document.xml for its text; null when
 * absent, unreadable or larger than `maxBytes` once inflated (a small archive may inflate enormously).
 */
export function zipEntry(data: Buffer, name: string, maxBytes: number): Buffer | null {
  const entry = centralEntries(data)?.find((e) => e.name === name);
  if (!entry || entry.size > maxBytes || entry.localOffset + 30 > data.length || data.readUInt32LE(entry.localOffset) !== LOCAL_ENTRY_SIGNATURE) return null;
  const start = entry.localOffset + 30 + data.readUInt16LE(entry.localOffset + 26) + data.readUInt16LE(entry.localOffset + 28);
  const packed = data.subarray(start, start + entry.compressedSize);
  if (packed.length !== entry.compressedSize) return null;
  try {
    if (entry.method === 0) return packed;
    if (entry.method === 8) return inflateRawSync(packed, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
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
