/**
 * The stream and storage names of an OLE2 compound file ([MS-CFB]): legacy Word, Excel and PowerPoint
 * files, but also MSI installers and Outlook messages, share one container. The directory tells them
 * apart ("WordDocument", "Workbook", …); nothing else is read.
 */

export const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

/** Directory entry names, or null when the directory cannot be read (corrupt or truncated). */
export function oleEntryNames(data: Buffer): string[] | null {
  if (data.length < 512 || !data.subarray(0, 8).equals(OLE_SIGNATURE)) return null;
  const shift = data.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(data.length / sectorSize) - 1;
  const sectorAt = (sid: number) => (sid + 1) * sectorSize;
  const fatSectors = readDifat(data, sectorSize, sectorCount);
  if (!fatSectors) return null;

  const perSector = sectorSize / 4;
  const next = (sid: number): number | null => {
    const fatSector = fatSectors[Math.floor(sid / perSector)];
    if (fatSector === undefined || fatSector >= sectorCount) return null;
    return data.readUInt32LE(sectorAt(fatSector) + (sid % perSector) * 4);
  };

  const names: string[] = [];
  let sid = data.readUInt32LE(0x30);
  // A chain longer than the file has sectors is a loop: stop rather than spin.
  for (let steps = 0; sid !== END_OF_CHAIN; steps++) {
    if (sid >= sectorCount || steps > sectorCount) return null;
    for (let at = sectorAt(sid); at < sectorAt(sid) + sectorSize; at += DIRECTORY_ENTRY_SIZE) {
      const type = data[at + 0x42];
      const nameBytes = data.readUInt16LE(at + 0x40);
      if ((type === 1 || type === 2 || type === 5) && nameBytes >= 2 && nameBytes <= 64) {
        names.push(data.toString('utf16le', at, at + nameBytes - 2));
      }
    }
    const following = next(sid);
    if (following === null) return null;
    sid = following;
  }
  return names;
}

/** The sector ids of the FAT: 109 in the header, the rest in a chain of DIFAT sectors. */
function readDifat(data: Buffer, sectorSize: number, sectorCount: number): number[] | null {
  const fatCount = data.readUInt32LE(0x2c);
  if (fatCount > sectorCount) return null;
  const ids: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_DIFAT_ENTRIES); i++) ids.push(data.readUInt32LE(0x4c + i * 4));
  let difatSector = data.readUInt32LE(0x44);
  const perSector = sectorSize / 4 - 1;
  while (ids.length < fatCount) {
    if (difatSector >= sectorCount) return null;
    const at = (difatSector + 1) * sectorSize;
    for (let i = 0; i < perSector && ids.length < fatCount; i++) ids.push(data.readUInt32LE(at + i * 4));
    difatSector = data.readUInt32LE(at + perSector * 4);
  }
  return ids;
}
