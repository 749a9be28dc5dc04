import { App, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { dayjs } from '../../../shared/time.ts';
import { reportSaveError } from '../../lib/form-errors.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { FilesField } from './files-field.tsx';
import { legislationApi } from './legislation-api.ts';

type Values = { fromBody: string; documentTitle: string; documentNo?: string; draftTitle: string; receivedOn: dayjs.Dayjs; replyDueOn: dayjs.Dayjs; summary?: string; fileIds?: string[] };

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** 收文登记: a higher body asks the county for comments on a draft law or regulation. */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ receivedOn: dayjs(beijingToday()) });
  }, [open, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const text = (s?: string) => s?.trim() || undefined;
    try {
      const created = await legislationApi.register({
        fromBody: v.fromBody.trim(),
        documentTitle: v.documentTitle.trim(),
        documentNo: text(v.documentNo),
        draftTitle: v.draftTitle.trim(),
        receivedOn: day(v.receivedOn),
        replyDueOn: day(v.replyDueOn),
        summary: text(v.summary),
        fileIds: v.fileIds ?? [],
      });
      void message.success('已登记');
      form.resetFields();
      onClose();
      navigate(`/legislation/${created.id}`);
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="登记上级征求意见" width={720} okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="legislation-register-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="fromBody" label="来文机关" rules={[{ required: true, whitespace: true, message: '请填写来文机关' }]}>
              <Input maxLength={100} placeholder="如岳阳市司法局" data-testid="legislation-from-body" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="documentNo" label="来文文号">
              <Input maxLength={60} placeholder="如岳市司函〔2021〕45号" data-testid="legislation-document-no" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="documentTitle" label="来文标题" rules={[{ required: true, whitespace: true, message: '请填写来文标题' }]}>
          <Input maxLength={200} data-testid="legislation-document-title" />
        </Form.Item>
        <Form.Item name="draftTitle" label="征求意见稿名称" rules={[{ required: true, whitespace: true, message: '请填写征求意见稿名称' }]}>
          <Input maxLength={200} placeholder="如《湖南省优化营商环境规定（草案）》" data-testid="legislation-draft-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="receivedOn" label="收文日期" rules={[{ required: true, message: '请选择收文日期' }]}>
              <DatePicker style={{ width: '100%' }} data-testid="legislation-received-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="replyDueOn" label="上级要求的反馈截止日期" rules={[{ required: true, message: '请选择反馈截止日期' }]}>
              <DatePicker style={{ width: '100%' }} data-testid="legislation-reply-due-on" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label="主要内容和要求">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="fileIds" label="来文及征求意见稿">
          <FilesField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
