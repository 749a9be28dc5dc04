import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { useCallback, useState } from 'react';
import { fileApi } from '../api/endpoints.ts';
import type { FileInfo } from '../api/types.ts';

/**
 * antd Upload's customRequest for POST /api/files (attachments are stored first and referenced by id):
 * progress as it goes, the stored file's info as the item's response, the server's refusal (type,
 * size) as a message naming the file.
 */
export function useUploadRequest(): NonNullable<UploadProps<FileInfo>['customRequest']> {
  const { message } = App.useApp();
  return useCallback(
    ({ file, onProgress, onSuccess, onError }) => {
      const raw = file as File;
      fileApi.upload(raw, (percent) => onProgress?.({ percent })).then(
        (info) => onSuccess?.(info),
        (error: unknown) => {
          const text = error instanceof Error ? error.message : '上传失败';
          void message.error(`${raw.name}：${text}`);
          onError?.(error instanceof Error ? error : new Error(text));
        },
      );
    },
    [message],
  );
}

export interface StoredFile {
  id: string;
  name: string;
}

/**
 * One attachment as a form value: the stored file once its upload is done, undefined while none is
 * (or while it is still uploading, so that a required rule holds the form back). The initial value
 * (editing a record) shows as already uploaded, with a link to it.
 */
export function SingleFileUpload({ value, onChange, buttonText = '选择文件', testId }: { value?: StoredFile; onChange?: (file: StoredFile | undefined) => void; buttonText?: string; testId?: string }) {
  const customRequest = useUploadRequest();
  const [files, setFiles] = useState<UploadFile<FileInfo>[]>(() =>
    value ? [{ uid: value.id, name: value.name, status: 'done', url: fileApi.contentUrl(value.id) }] : [],
  );
  return (
    <Upload<FileInfo>
      maxCount={1}
      fileList={files}
      customRequest={customRequest}
      onChange={({ fileList }) => {
        setFiles(fileList);
        const done = fileList.find((f) => f.status === 'done');
        const stored = done ? (done.response ? { id: done.response.id, name: done.response.name } : done.uid === value?.id ? value : undefined) : undefined;
        if (stored?.id !== value?.id) onChange?.(stored);
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {files.length ? '重新选择' : buttonText}
      </Button>
    </Upload>
  );
}
