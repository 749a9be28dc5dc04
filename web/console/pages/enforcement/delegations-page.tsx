import { FormOutlined } from '@ant-design/icons';
import { DatePicker, Form, Input, Modal, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { EditModal } from './edit-modal.tsx';
import { MatterSelect } from './pickers.tsx';
import { ENFORCEMENT, registryApi, type DelegationItem } from './registry-api.ts';
import { RegistryPage } from './registry-page.tsx';

const required = (message: string) => [{ required: true, message }];
interface DelegationValues {
  townshipOrgId: string;
  matterId: string;
  fromOrgId?: string;
  since: Dayjs;
  documentNo?: string;
}

/** 乡镇综合行政执法: which department's matters each township exercises, since when (until when, if revoked). */
export function DelegationsPage() {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<DelegationItem>();
  const [form] = Form.useForm<{ until: Dayjs }>();
  return (
    <RegistryPage<DelegationItem>
      title="乡镇赋权执法事项"
      testId="delegations"
      spec={{ text: ['townshipOrgId', 'fromOrgId', 'matterId', 'inForceOn'], sorts: ['since', 'townshipName', 'matterCode', 'fromOrgName'], firstYear: 2016 }}
      defaultSort="townshipName"
      fetchPage={registryApi.delegations}
      exportXlsx={registryApi.exportDelegations}
      searchPlaceholder="事项或赋权文件"
      empty="暂无赋权事项"
      importing={{ kind: 'delegations', title: '导入乡镇赋权事项（Excel）', hint: '每行一个乡镇承接的一个事项；赋权部门不填为事项所属部门；已赋权且未终止的行不重复登记。' }}
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setCreating(true)}>
          赋权乡镇
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          <OrgSelect placeholder="乡镇" value={query.townshipOrgId as string | undefined} onChange={(townshipOrgId?: string) => setFilter({ townshipOrgId })} style={{ width: 200 }} />
          <OrgSelect placeholder="赋权部门" value={query.fromOrgId as string | undefined} onChange={(fromOrgId?: string) => setFilter({ fromOrgId })} style={{ width: 200 }} />
          <DatePicker placeholder="在该日现行" value={query.inForceOn ? dayjs(String(query.inForceOn)) : null} onChange={(d) => setFilter({ inForceOn: d ? d.format('YYYY-MM-DD') : undefined })} />
          {query.matterId && <Tag closable onClose={() => setFilter({ matterId: undefined })}>仅本事项</Tag>}
        </>
      )}
      scrollX={1100}
      columns={({ sortable }) => [
        { title: '乡镇', dataIndex: 'townshipName', width: 200, ...sortable('townshipName', 'ascend') },
        { title: '事项', dataIndex: 'matterName', ...sortable('matterCode', 'ascend'), render: (name: string, d) => `${d.matterCode} ${name}` },
        { title: '赋权部门', dataIndex: 'fromOrgName', width: 200, ellipsis: true, ...sortable('fromOrgName', 'ascend') },
        { title: '起始日期', dataIndex: 'since', width: 110, ...sortable('since') },
        { title: '终止日期', dataIndex: 'until', width: 110, render: (until: string | null) => until ?? <Tag color="green">现行</Tag> },
        { title: '赋权文件', dataIndex: 'documentNo', ellipsis: true },
        {
          title: '操作',
          key: 'actions',
          width: 90,
          render: (_, d) =>
            !d.until && (
              <GuardedButton permission={ENFORCEMENT.manage} type="link" size="small" onClick={() => setRevoking(d)}>
                终止赋权
              </GuardedButton>
            ),
        },
      ]}
      modals={(list) => (
        <>
          <EditModal<DelegationValues>
            open={creating}
            title="赋权乡镇"
            initial={{ documentNo: '《岳阳县乡镇综合执法工作暂行规定》' }}
            testIdPrefix="delegation"
            onClose={() => setCreating(false)}
            onSaved={() => void list.reload()}
            save={(v) => registryApi.createDelegation({ townshipOrgId: v.townshipOrgId, matterId: v.matterId, fromOrgId: v.fromOrgId || undefined, since: v.since.format('YYYY-MM-DD'), documentNo: v.documentNo || null })}
          >
            {() => (
              <>
                <Form.Item name="townshipOrgId" label="乡镇（街道）" rules={required('请选择乡镇')}>
                  <OrgSelect />
                </Form.Item>
                <Form.Item name="matterId" label="执法事项" rules={required('请选择执法事项')}>
                  <MatterSelect />
                </Form.Item>
                <Form.Item name="fromOrgId" label="赋权部门" extra="不选为事项所属部门">
                  <OrgSelect />
                </Form.Item>
                <Form.Item name="since" label="起始日期" rules={required('请选择起始日期')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="documentNo" label="赋权文件">
                  <Input maxLength={60} />
                </Form.Item>
              </>
            )}
          </EditModal>
          <Modal
            open={!!revoking}
            title={`终止赋权：${revoking?.townshipName ?? ''} ${revoking?.matterCode ?? ''}`}
            okText="终止"
            onCancel={() => setRevoking(undefined)}
            destroyOnHidden
            onOk={async () => {
              const { until } = await form.validateFields();
              try {
                await registryApi.revokeDelegation(revoking!.id, { version: revoking!.version, until: until.format('YYYY-MM-DD') });
                setRevoking(undefined);
                void list.reload();
              } catch (error) {
                if (reportSaveError(form, error).conflict) void list.reload();
              }
            }}
          >
            <Form form={form} layout="vertical" preserve={false}>
              <Form.Item name="until" label="终止日期（当日起不再行使）" rules={required('请选择终止日期')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    />
  );
}
