import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import { dayjs } from '../../../shared/time.ts';
import { calendarApi, unitLabels, type DeadlineAnswer, type PeriodUnit, type StatutoryPeriod } from './calendar-api.ts';

interface CalculatorValues {
  from: Dayjs;
  period?: string;
  n?: number;
  unit: PeriodUnit;
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];
const withWeekday = (date: string) => `${date}（星期${weekdayNames[dayjs(date).day()]}）`;

/** 期限计算器: a statutory period, or N working days / days / months, from a start day. */
export function DeadlineCalculator({ region }: { region: string }) {
  const [form] = Form.useForm<CalculatorValues>();
  const [periods, setPeriods] = useState<StatutoryPeriod[]>([]);
  const [answer, setAnswer] = useState<DeadlineAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const period = Form.useWatch('period', form);

  useEffect(() => {
    calendarApi.periods().then(setPeriods, () => setPeriods([]));
  }, []);
  useEffect(() => setAnswer(null), [region]);

  const pickPeriod = (code?: string) => {
    const chosen = periods.find((p) => p.code === code);
    if (chosen) form.setFieldsValue({ n: chosen.n, unit: chosen.unit });
  };

  const compute = async (values: CalculatorValues) => {
    setBusy(true);
    try {
      const from = values.from.format('YYYY-MM-DD');
      setAnswer(await calendarApi.add(values.period ? { from, region, period: values.period } : { from, region, n: values.n!, unit: values.unit }));
    } catch (error) {
      setAnswer(null);
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="期限计算器" size="small">
      <Form form={form} layout="vertical" initialValues={{ unit: 'workingDays', n: 5 }} onFinish={compute} data-testid="deadline-calculator">
        <Form.Item name="from" label="起算日" rules={[{ required: true, message: '请选择起算日' }]} extra="起算日当天不计入期间">
          <DatePicker style={{ width: '100%' }} data-testid="calc-from" />
        </Form.Item>
        <Form.Item name="period" label="法定期限（可选）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择法定期限，或在下方自行填写"
            options={periods.map((p) => ({ value: p.code, label: `${p.name}（${p.n}${unitLabels[p.unit]}）` }))}
            onChange={pickPeriod}
          />
        </Form.Item>
        <Form.Item label="期间" required>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="n" noStyle rules={[{ required: true, message: '请输入期间长度' }]}>
              <InputNumber min={1} max={3650} precision={0} disabled={!!period} style={{ width: 110 }} data-testid="calc-n" />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select disabled={!!period} style={{ flex: 1 }} options={Object.entries(unitLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </div>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="calc-submit">
          计算届满日
        </Button>
      </Form>
      {answer && (
        <div style={{ marginTop: 16 }} data-testid="calc-result">
          {answer.provisional && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该年度日历尚未发布，按周一至周五推算" />}
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 88, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="届满日">
              <Typography.Text strong data-testid="calc-due">
                {withWeekday(answer.due)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="计算方式">
              {withWeekday(answer.from)}后 {answer.n}
              {unitLabels[answer.unit]}
              {answer.unit === 'workingDays' ? '（不含节假日，含调休上班日）' : '（届满日为节假日或周末的，顺延至其后第一个工作日）'}
            </Descriptions.Item>
            {answer.basis && <Descriptions.Item label="法律依据">{answer.basis}</Descriptions.Item>}
          </Descriptions>
        </div>
      )}
    </Card>
  );
}
