import { FormOutlined } from '@ant-design/icons';
import { Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { bodyKindLabels, enforcementFieldLabels } from '../../../../contracts/enforcement.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { options } from '../../lib/labels.ts';
import { EditModal } from './edit-modal.tsx';
import { ENFORCEMENT, registryApi, type BodyItem } from './registry-api.ts';
import { RegistryPage } from './registry-page.tsx';

const spec = { text: ['field', 'kind', 'orgId', 'status'], sorts: ['name', 'orgName', 'kind', 'officerCount'], firstYear: 2016 };
const required = (message: string) => [{ required: true, message }];

/** 执法主体: who enforces in its own name, on which legal basis, in which fields. */
export function BodiesPage() {
  const [editing, setEditing] = useState<BodyItem | 'new'>();
  const body = editing === 'new' ? undefined : editing;
  return (
    <RegistryPage<BodyItem>
      title="行政执法主体"
      testId="bodies"
      spec={spec}
      defaultSort="name"
      fetchPage={registryApi.bodies}
      exportXlsx={registryApi.exportBodies}
      searchPlaceholder="执法主体名称"
      empty="暂无执法主体"
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setEditing('new')} data-testid="body-create">
          登记执法主体
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={query.field as string | undefined} onChange={(field?: string) => setFilter({ field })} style={{ width: 170 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="主体类型" options={options(bodyKindLabels)} value={query.kind as string | undefined} onChange={(kind?: string) => setFilter({ kind })} style={{ width: 160 }} />
          <OrgSelect placeholder="所属机构" value={query.orgId as string | undefined} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 220 }} />
        </>
      )}
      columns={({ sortable }) => [
        { title: '执法主体', dataIndex: 'name', ...sortable('name', 'ascend'), render: (name: string, b) => <a onClick={() => setEditing(b)}>{name}</a> },
        { title: '类型', dataIndex: 'kindLabel', width: 140, ...sortable('kind', 'ascend') },
        { title: '执法领域', dataIndex: 'fieldLabels', width: 200, render: (labels: string[]) => labels.map((l) => <Tag key={l}>{l}</Tag>) },
        { title: '所属机构', dataIndex: 'orgName', ellipsis: true, ...sortable('orgName', 'ascend') },
        { title: '法律依据', dataIndex: 'legalBasis', ellipsis: true },
        { title: '执法人员', dataIndex: 'officerCount', width: 100, ...sortable('officerCount') },
        { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => (s === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
      ]}
      modals={(list) => (
        <EditModal<Omit<BodyItem, 'id'>>
          open={!!editing}
          title={body ? `修改执法主体：${body.name}` : '登记执法主体'}
          initial={body ?? { kind: 'statutory', status: 'active' }}
          testIdPrefix="body"
          onClose={() => setEditing(undefined)}
          onSaved={() => void list.reload()}
          save={(v) => {
            const input = { orgId: v.orgId, name: v.name, kind: v.kind, fields: v.fields, legalBasis: v.legalBasis, entrustedById: v.entrustedById ?? null, status: v.status };
            return body ? registryApi.updateBody(body.id, { ...input, version: body.version }) : registryApi.createBody(input);
          }}
        >
          {() => (
            <>
              <Form.Item name="orgId" label="所属机构" rules={required('请选择所属机构')}>
                <OrgSelect />
              </Form.Item>
              <Form.Item name="name" label="执法主体名称" rules={required('请填写名称')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="kind" label="主体类型" rules={required('请选择类型')}>
                <Select options={options(bodyKindLabels)} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
                {({ getFieldValue }) =>
                  getFieldValue('kind') === 'entrusted' && (
                    <Form.Item name="entrustedById" label="委托机关" rules={required('受委托组织须填写委托机关')}>
                      <OrgSelect />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name="fields" label="执法领域" rules={required('至少选择一个执法领域')}>
                <Select mode="multiple" options={options(enforcementFieldLabels)} />
              </Form.Item>
              <Form.Item name="legalBasis" label="法律依据" rules={required('请填写法律依据')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item name="status" label="状态">
                <Select options={[{ value: 'active', label: '启用' }, { value: 'inactive', label: '停用' }]} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
    />
  );
}
