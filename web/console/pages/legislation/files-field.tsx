import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { fileApi } from '../../api/endpoints.ts';
import type { FileInfo } from '../../api/types.ts';
import { useUploadRequest } from '../../components/file-upload.tsx';
import type { FileRef } from './legislation-api.ts';

/** Several attachments as a form value: the ids of the uploads that are done. */
export function FilesField({ value, onChange, buttonText = '上传附件', testId }: { value?: string[]; onChange?: (ids: string[]) => void; buttonText?: string; testId?: string }) {
  const customRequest = useUploadRequest();
  const [files, setFiles] = useState<UploadFile<FileInfo>[]>([]);
  return (
    <Upload<FileInfo>
      multiple
      fileList={files}
      customRequest={customRequest}
      onChange={({ fileList }) => {
        setFiles(fileList);
        const ids = fileList.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
        if (ids.join() !== (value ?? []).join()) onChange?.(ids);
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {buttonText}
      </Button>
    </Upload>
  );
}

/** Attachments as download links. */
export function FileLinks({ files }: { files: FileRef[] }) {
  if (!files.length) return <span>—</span>;
  return (
    <Space size={[12, 4]} wrap>
      {files.map((f) => (
        <a key={f.id} href={fileApi.contentUrl(f.id)} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ))}
    </Space>
  );
}
