import { Alert, Form, Modal, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { orgApi } from '../../api/endpoints.ts';
import type { Org } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { orgSelectTree, type OrgNode } from '../../lib/org-tree.ts';

export function OrgMoveModal({ org, tree, onClose, onSaved }: { org: Org | null; tree: OrgNode[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ parentId?: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (org) form.setFieldsValue({ parentId: org.parentId ?? undefined });
  }, [org, form]);

  const submit = async ({ parentId }: { parentId?: string }) => {
    if (!org) return;
    setSaving(true);
    try {
      await orgApi.move(org.id, parentId ?? null, org.version);
      onSaved();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!org}
      title={`移动机构：${org?.name ?? ''}`}
      okText="移动"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={testId('org-move-ok')}
      forceRender
    >
      <Alert type="info" showIcon title="机构连同其全部下级机构一起移动；用户的数据范围随新位置变化。" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="parentId" label="新的上级机构" extra="清空则成为顶级机构">
          {/* Only active orgs of the same region, and not the org itself or one of its descendants. */}
          <TreeSelect
            allowClear
            treeData={orgSelectTree(tree.filter((n) => n.org.regionCode === org?.regionCode), org?.id, true)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            placeholder="选择上级机构"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
