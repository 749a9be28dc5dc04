import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipEntry, zipEntryNames } from './zip-entries.ts';
import { zipArchive } from './zip-writer.ts';

describe('zipArchive', () => {
  const text = Buffer.from('重大行政决策 归档目录\n'.repeat(200), 'utf8');
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
  const archive = zipArchive([
    { name: '00-归档目录.txt', data: text },
    { name: '附件/01-风险评估报告.pdf', data: random },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ]);

  it('is read back by the kernel’s own reader: names in order, contents byte for byte', () => {
    expect(zipEntryNames(archive)).toEqual(['00-归档目录.txt', '附件/01-风险评估报告.pdf', 'empty.txt']);
    expect(zipEntry(archive, '00-归档目录.txt', 1 << 20)).toEqual(text);
    expect(zipEntry(archive, '附件/01-风险评估报告.pdf', 1 << 20)).toEqual(random);
    expect(zipEntry(archive, 'empty.txt', 1 << 20)).toEqual(Buffer.alloc(0));
  });

  it('deflates what compresses and stores what does not', () => {
    // The repeated text shrinks a lot; the whole archive stays smaller than its contents.
    expect(archive.length).toBeLessThan(text.length + random.length);
    const method = (offset: number) => archive.readUInt16LE(offset + 8);
    expect(method(0)).toBe(8);
  });

  it('passes unzip’s CRC test, when unzip is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const file = join(dir, 'a.zip');
    writeFileSync(file, archive);
    let out: string;
    try {
      out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    expect(out).toContain('No errors detected');
  });

  it('refuses duplicate names', () => {
    expect(() => zipArchive([{ name: 'a', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }])).toThrow(/duplicate/);
  });
});
