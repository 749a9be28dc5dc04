import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { proposalKindLabels, type ProposalKind } from '../../../../contracts/proposals.ts';
import { proposalsApi } from './proposals-api.ts';

type Values = { kind: ProposalKind; sessionLabel: string; year: number; number: string; title: string; proposers: string; content: string; topic?: string };

/** 登记 one 建议 or 提案 as the 人大 or 政协 handed it over; 交办 follows on its page. */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ kind: 'npc', year: Number(beijingToday().slice(0, 4)) });
  }, [open, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await proposalsApi.register({ ...v, sessionLabel: v.sessionLabel.trim(), number: v.number.trim(), title: v.title.trim(), proposers: v.proposers.trim(), content: v.content.trim(), topic: v.topic?.trim() || undefined });
      void message.success('已登记，请交办');
      form.resetFields();
      onClose();
      navigate(created.path);
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="登记建议提案" width={720} okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="proposal-register-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select options={options(proposalKindLabels)} data-testid="proposal-kind" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="number" label="编号" rules={[{ required: true, whitespace: true, message: '请填写编号' }]}>
              <Input maxLength={30} placeholder="如 12" data-testid="proposal-number" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sessionLabel" label="届次会议" rules={[{ required: true, whitespace: true, message: '请填写届次会议' }]}>
          <Input maxLength={80} placeholder="如岳阳县第十九届人民代表大会第一次会议" data-testid="proposal-session" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} data-testid="proposal-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="proposers" label="提出人（领衔人及附议人）" rules={[{ required: true, whitespace: true, message: '请填写提出人' }]}>
              <Input maxLength={300} data-testid="proposal-proposers" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="topic" label="分类">
              <Input maxLength={24} placeholder="如城乡建设" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
          <Input.TextArea rows={5} maxLength={20000} data-testid="proposal-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
