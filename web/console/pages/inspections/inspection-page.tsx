import { App, Button, Card, Descriptions, Form, Result, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';
import { InspectionFields, toInput, toValues, type InspectionValues } from './inspection-form.tsx';
import { INSPECTION, inspectionsApi, type InspectionItem } from './inspections-api.ts';

/** One 行政检查: its record, editable (with its version) by whoever may write it. */
export function InspectionPage() {
  const { id } = useParams();
  const { can } = useSession();
  const { message } = App.useApp();
  const [item, setItem] = useState<InspectionItem | null>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<InspectionValues>();

  const load = useCallback(async () => {
    try {
      const loaded = await inspectionsApi.get(id!);
      setItem(loaded);
      form.setFieldsValue(toValues(loaded));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setItem(null);
    }
  }, [id, form]);
  useEffect(() => {
    void load();
  }, [load]);

  if (item === undefined) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (item === null) return <Result status="404" title="行政检查记录不存在或无权查看" extra={<Link to="/inspections">返回列表</Link>} />;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await inspectionsApi.update(item.id, { ...toInput(values), version: item.version });
      setItem(saved);
      form.setFieldsValue(toValues(saved));
      void message.success('已保存');
    } catch (error) {
      if (reportSaveError(form, error).conflict) void load();
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title={`行政检查：${item.targetName}`} extra={<Link to="/inspections">返回列表</Link>}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'org', label: '检查部门', children: item.orgName },
            { key: 'campaign', label: '专项整治行动', children: item.campaignId ? <Link to={`/campaigns/${item.campaignId}`}>{item.campaignTitle}</Link> : '—' },
            { key: 'case', label: '立案案件', children: item.caseId ? <Link to={`/cases/${item.caseId}`}>查看案件</Link> : '—' },
            { key: 'import', label: '来源', children: item.importId ? <Link to={`/inspections?importId=${item.importId}`}>Excel 导入批次</Link> : '手工登记' },
            { key: 'version', label: '版本', children: item.version },
          ]}
        />
      </Card>
      <Card size="small">
        <Form form={form} layout="vertical" disabled={!can(INSPECTION.write)}>
          <InspectionFields form={form} />
          {can(INSPECTION.write) && (
            <Space>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="inspection-save">
                保存修改
              </Button>
            </Space>
          )}
        </Form>
      </Card>
    </PageContainer>
  );
}
