import { Col, Form, Input, InputNumber, Modal, Row, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { orgApi } from '../../api/endpoints.ts';
import type { Org, OrgInput, Region } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options, orgTypeLabels } from '../../lib/labels.ts';
import type { OrgSelectNode } from '../../lib/org-tree.ts';

export type OrgFormTarget = { mode: 'create'; parent?: Org } | { mode: 'edit'; org: Org };

type OrgFormValues = Omit<OrgInput, 'sortOrder'> & { sortOrder?: number | null };

/** 统一社会信用代码 (GB 32100): 18 characters of digits and capital letters except I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Empty optional fields are left out: the server stores them as empty (null), on create and on edit. */
function clean(values: OrgFormValues): OrgInput {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value])) as unknown as OrgInput;
}

export function OrgFormModal({
  target,
  regions,
  orgOptions,
  defaultRegion,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  regions: Region[];
  orgOptions: OrgSelectNode[];
  defaultRegion: string;
  onClose: () => void;
  onSaved: (org: Org | null) => void;
}) {
  const [form] = Form.useForm<OrgFormValues>();
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.org : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { org } = target;
      form.setFieldsValue({
        code: org.code,
        name: org.name,
        shortName: org.shortName ?? undefined,
        type: org.type,
        creditCode: org.creditCode ?? undefined,
        contactPerson: org.contactPerson ?? undefined,
        contactPhone: org.contactPhone ?? undefined,
        address: org.address ?? undefined,
        sortOrder: org.sortOrder,
      });
    } else {
      form.setFieldsValue({ parentId: target.parent?.id, regionCode: target.parent?.regionCode ?? defaultRegion, type: 'department', sortOrder: 0 });
    }
  }, [target, form, defaultRegion]);

  const submit = async (values: OrgFormValues) => {
    setSaving(true);
    try {
      const input = clean(values);
      const saved = editing ? await orgApi.update(editing.id, { ...input, version: editing.version }) : await orgApi.create(input);
      onSaved(saved);
    } catch (error) {
      // Someone else changed the org meanwhile: the message says so, the page reloads it.
      if (reportSaveError(form, error).conflict) onSaved(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? `编辑机构：${editing.name}` : '新建机构'}
      width={720}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={testId('org-form-ok')}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="org-form">
        <Row gutter={16}>
          {!editing && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="parentId" label="上级机构" extra="不选则为顶级机构">
                  <TreeSelect
                    allowClear
                    treeData={orgOptions}
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    treeDefaultExpandAll
                    placeholder="选择上级机构"
                    onChange={(parentId?: string) => {
                      const region = findRegionOf(orgOptions, parentId);
                      if (region) form.setFieldValue('regionCode', region);
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="regionCode" label="行政区划" rules={[{ required: true, message: '请选择行政区划' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                    placeholder="选择行政区划"
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }, { max: 100 }]}>
              <Input data-testid="org-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label="简称" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label="机构编码"
              rules={[{ required: true, whitespace: true, message: '请输入机构编码' }, { max: 64 }, { pattern: /^[0-9A-Za-z_.-]+$/, message: '只能包含字母、数字、下划线、点和短横线' }]}
              extra="本行政区内唯一"
            >
              <Input data-testid="org-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
              <Select options={options(orgTypeLabels)} data-testid="org-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label="统一社会信用代码"
              normalize={(value?: string) => value?.toUpperCase().replace(/\s/g, '')}
              rules={[{ pattern: CREDIT_CODE, message: '统一社会信用代码为 18 位数字或大写字母（不含 I、O、S、V、Z）' }]}
            >
              <Input maxLength={18} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sortOrder" label="排序号" extra="同级机构按此数字从小到大排列">
              <InputNumber min={0} max={99999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPerson" label="联系人" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ max: 30 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label="地址" rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** A new org's region defaults to its parent's. */
function findRegionOf(nodes: OrgSelectNode[], id?: string): string | undefined {
  if (!id) return undefined;
  for (const node of nodes) {
    if (node.value === id) return node.regionCode;
    const found = node.children && findRegionOf(node.children, id);
    if (found) return found;
  }
  return undefined;
}
