import { DatePicker, Form, Input, Select, Space } from 'antd';
import { enforcementFieldLabels } from '../../../../contracts/enforcement.ts';
import type { dayjs } from '../../../shared/time.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { options } from '../../lib/labels.ts';
import type { CampaignInput } from '../inspections/inspections-api.ts';

export type CampaignValues = Omit<CampaignInput, 'startsOn' | 'endsOn'> & { period: [dayjs.Dayjs, dayjs.Dayjs] };
export const campaignInput = ({ period, ...values }: CampaignValues): CampaignInput => ({
  ...values,
  description: values.description ?? '',
  startsOn: period[0].format('YYYY-MM-DD'),
  endsOn: period[1].format('YYYY-MM-DD'),
});

/** The fields of a campaign, for creating and editing. */
export function CampaignFields() {
  return (
    <>
      <Form.Item name="title" label="行动名称" rules={[{ required: true, whitespace: true, message: '请填写行动名称' }, { max: 200 }]}>
        <Input placeholder="如 “护苗”校园及周边食品安全专项行动" data-testid="campaign-title" />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }}>
        <Form.Item name="field" label="执法领域" rules={[{ required: true, message: '请选择执法领域' }]} style={{ width: 220 }}>
          <Select options={options(enforcementFieldLabels)} />
        </Form.Item>
        <Form.Item name="leadOrgId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]} style={{ width: 300 }}>
          <OrgSelect />
        </Form.Item>
      </Space>
      <Form.Item name="period" label="行动期间" rules={[{ required: true, message: '请选择行动期间' }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="description" label="行动内容" rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}

