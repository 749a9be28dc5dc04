import { AppError } from '../errors/app-error.ts';
import type { FileCategory, FileType } from './file-types.ts';

const MiB = 1024 * 1024;

/** Size limits by category of content, in bytes. */
export interface FilePolicy {
  maxBytes: Record<FileCategory, number>;
}

/**
 * Defaults, sized for what a case file holds: a scanned 300-page 卷宗 as PDF stays under 50 MiB; a phone
 * photo under 20 MiB; an hour of hearing or 执法记录仪 video at 1 Mbit/s is about 450 MiB. Uploads are
 * held in memory and stored in the database, so raising the media limit costs memory per upload.
 */
export const defaultFilePolicy: FilePolicy = {
  maxBytes: { document: 50 * MiB, image: 20 * MiB, media: 500 * MiB },
};

const categoryLabels: Record<FileCategory, string> = { document: '文档', image: '图片', media: '音视频' };

/** The largest upload any category allows: the HTTP body limit of the upload route. */
export const largestUpload = (policy: FilePolicy): number => Math.max(...Object.values(policy.maxBytes));

export function assertSizeAllowed(type: FileType, size: number, policy: FilePolicy): void {
  const limit = policy.maxBytes[type.category];
  if (size > limit) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${categoryLabels[type.category]}文件不能超过 ${formatMiB(limit)}，本文件（${type.label}）有 ${formatMiB(size)}`,
      { size, limit, category: type.category },
    );
  }
}

const formatMiB = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MiB`;
