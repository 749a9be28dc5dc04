import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { enforcementFieldLabels, inspectionResultLabels } from '../../../../contracts/enforcement.ts';
import { dayjs } from '../../../shared/time.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { options } from '../../lib/labels.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { CampaignSelect } from './campaign-select.tsx';
import type { InspectionInput, InspectionItem } from './inspections-api.ts';

export type InspectionValues = Omit<InspectionInput, 'inspectedOn'> & { inspectedOn: dayjs.Dayjs };

export const toInput = (values: InspectionValues): InspectionInput => ({
  ...values,
  inspectedOn: values.inspectedOn.format('YYYY-MM-DD'),
  campaignId: values.campaignId ?? null,
  targetCreditCode: values.targetCreditCode?.trim() || null,
  targetType: values.targetType?.trim() || null,
  place: values.place?.trim() || null,
  officerNames: values.officerNames?.trim() || null,
  notes: values.notes?.trim() || null,
});

export const toValues = (item: InspectionItem): InspectionValues => ({ ...item, inspectedOn: dayjs(item.inspectedOn) });

export const blankValues = (orgId: string): Partial<InspectionValues> => ({
  orgId,
  inspectedOn: dayjs(beijingToday()),
  result: 'compliant',
  rectificationOrdered: false,
  hazardsFound: 0,
  placeClosed: false,
  demolished: false,
  documentsIssued: 0,
  transferredToJudiciary: false,
});

/** The fields of one 行政检查, for entry and for editing. */
export function InspectionFields({ form }: { form: FormInstance<InspectionValues> }) {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="orgId" label="检查部门" rules={[{ required: true, message: '请选择检查部门' }]}>
            <OrgSelect data-testid="inspection-org" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="field" label="执法领域" rules={[{ required: true, message: '请选择执法领域' }]}>
            <Select options={options(enforcementFieldLabels)} data-testid="inspection-field" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') > beijingToday()} data-testid="inspection-day" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="campaignId" label="专项整治行动">
            <CampaignSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetName" label="检查对象" rules={[{ required: true, whitespace: true, message: '请填写检查对象' }, { max: 100 }]}>
            <Input data-testid="inspection-target" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetType" label="对象类型" rules={[{ max: 40 }]} extra="如 农资经营门店、食品小作坊；专项行动按类型统计户数">
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetCreditCode" label="统一社会信用代码" rules={[{ max: 18 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="place" label="检查地点" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="result" label="检查结果" rules={[{ required: true }]}>
            <Select
              options={options(inspectionResultLabels)}
              onChange={(result) => result === 'rectification' && form.setFieldValue('rectificationOrdered', true)}
              data-testid="inspection-result"
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="hazardsFound" label="发现隐患数">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="documentsIssued" label="出具执法文书数">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="处理措施" style={{ marginBottom: 8 }}>
            <Form.Item name="rectificationOrdered" valuePropName="checked" noStyle>
              <Checkbox>责令整改</Checkbox>
            </Form.Item>
            <Form.Item name="placeClosed" valuePropName="checked" noStyle>
              <Checkbox>关停取缔</Checkbox>
            </Form.Item>
            <Form.Item name="demolished" valuePropName="checked" noStyle>
              <Checkbox>拆除</Checkbox>
            </Form.Item>
            <Form.Item name="transferredToJudiciary" valuePropName="checked" noStyle>
              <Checkbox>移送司法机关</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="officerNames" label="执法人员" rules={[{ max: 100 }]}>
            <Input placeholder="至少两名，如 张三、李四" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="notes" label="备注" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
