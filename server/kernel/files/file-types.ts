/**
 * The kinds of content a government case file holds, and nothing else: documents (including OFD, the
 * national e-document format, GB/T 33190-2016), scans and photos, and recordings of hearings,
 * inspections and phone calls. Each is recognised by its content (detect-type.ts); the upload's name
 * must carry one of its extensions.
 */

export type FileCategory = 'document' | 'image' | 'media';

export interface FileType {
  code: string;
  /** Sent as the download's content-type and stored with the file. */
  mime: string;
  /** Chinese name, for messages. */
  label: string;
  category: FileCategory;
  /** Accepted name extensions, lower case; the first is the one appended to a name without one. */
  extensions: readonly string[];
}

const type = (code: string, mime: string, label: string, category: FileCategory, extensions: string[]): FileType => ({
  code,
  mime,
  label,
  category,
  extensions,
});

const OOXML = 'application/vnd.openxmlformats-officedocument';

export const fileTypes = {
  pdf: type('pdf', 'application/pdf', 'PDF 文档', 'document', ['pdf']),
  ofd: type('ofd', 'application/ofd', 'OFD 版式文档', 'document', ['ofd']),
  docx: type('docx', `${OOXML}.wordprocessingml.document`, 'Word 文档（DOCX）', 'document', ['docx']),
  xlsx: type('xlsx', `${OOXML}.spreadsheetml.sheet`, 'Excel 表格（XLSX）', 'document', ['xlsx']),
  pptx: type('pptx', `${OOXML}.presentationml.presentation`, 'PowerPoint 演示文稿（PPTX）', 'document', ['pptx']),
  // WPS Office saves its own .wps/.et/.dps names in the same OLE2 formats as Word/Excel/PowerPoint 97-2003.
  doc: type('doc', 'application/msword', 'Word 97-2003 文档（DOC）', 'document', ['doc', 'wps']),
  xls: type('xls', 'application/vnd.ms-excel', 'Excel 97-2003 表格（XLS）', 'document', ['xls', 'et']),
  ppt: type('ppt', 'application/vnd.ms-powerpoint', 'PowerPoint 97-2003 演示文稿（PPT）', 'document', ['ppt', 'dps']),
  text: type('text', 'text/plain; charset=utf-8', '纯文本（UTF-8）', 'document', ['txt', 'csv']),
  textGb18030: type('textGb18030', 'text/plain; charset=gb18030', '纯文本（GB18030）', 'document', ['txt', 'csv']),
  jpeg: type('jpeg', 'image/jpeg', 'JPEG 图片', 'image', ['jpg', 'jpeg', 'jpe', 'jfif']),
  png: type('png', 'image/png', 'PNG 图片', 'image', ['png']),
  gif: type('gif', 'image/gif', 'GIF 图片', 'image', ['gif']),
  webp: type('webp', 'image/webp', 'WebP 图片', 'image', ['webp']),
  tiff: type('tiff', 'image/tiff', 'TIFF 图片', 'image', ['tif', 'tiff']),
  mp4: type('mp4', 'video/mp4', 'MP4 视频', 'media', ['mp4', 'm4v']),
  mov: type('mov', 'video/quicktime', 'QuickTime 视频（MOV）', 'media', ['mov']),
  // Phone recordings: iPhone voice memos are M4A, Android camcorders write 3GP.
  m4a: type('m4a', 'audio/mp4', 'M4A 音频', 'media', ['m4a']),
  threeGp: type('threeGp', 'video/3gpp', '3GP 视频', 'media', ['3gp']),
  mp3: type('mp3', 'audio/mpeg', 'MP3 音频', 'media', ['mp3']),
  wav: type('wav', 'audio/wav', 'WAV 音频', 'media', ['wav']),
  amr: type('amr', 'audio/amr', 'AMR 录音', 'media', ['amr']),
  amrWb: type('amrWb', 'audio/amr-wb', 'AMR-WB 录音', 'media', ['amr', 'awb']),
} as const satisfies Record<string, FileType>;

export type FileTypeCode = keyof typeof fileTypes;

/** For refusals: what may be uploaded, in the words an office worker uses. */
export const ACCEPTED_TYPES_TEXT =
  'PDF、OFD、Word（DOC/DOCX/WPS）、Excel（XLS/XLSX/ET）、PowerPoint（PPT/PPTX）、纯文本（TXT/CSV）、' +
  '图片（JPG/PNG/GIF/WebP/TIFF）、音视频（MP4/MOV/M4A/3GP/MP3/WAV/AMR）';
