import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { dayjs } from '../../../shared/time.ts';
import { calendarApi, kindLabels, NATIONAL, type CalendarYear, type DayKind } from './calendar-api.ts';

export type YearFormTarget = { mode: 'create'; year: number; region: string } | { mode: 'edit'; entry: CalendarYear };

interface DayRow {
  day?: Dayjs;
  kind: DayKind;
  name?: string;
  /** Kept as it was when another notice fixed the day (e.g. an extended holiday). */
  source?: string;
}

interface YearFormValues {
  year: number;
  region: string;
  source: string;
  publishedOn?: Dayjs | null;
  days: DayRow[];
}

const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];
const isWeekend = (day: Dayjs) => day.day() === 0 || day.day() === 6;
/** Shown with the weekday ("2025-02-08 周六"); typed either way. */
const dayFormats = ['YYYY-MM-DD ddd', 'YYYY-MM-DD'];

/** The same rule the server applies: a 调休 working day replaces a weekend day. */
function dayHint(row: DayRow | undefined): { error?: string; note?: string } {
  if (!row?.day) return {};
  const weekday = `星期${weekdayNames[row.day.day()]}`;
  if (row.kind === 'workday' && !isWeekend(row.day)) return { error: `${weekday}本就是工作日，不能录为调休上班日` };
  if (row.kind === 'holiday' && isWeekend(row.day)) return { note: `${weekday}本就休息：录入只为显示节日名称，不改变期限计算` };
  return {};
}

/** Enters a year's State Council notice (全国) or a county's own holidays; saving replaces the year's list. */
export function YearFormModal({
  target,
  regionOptions,
  onClose,
  onSaved,
}: {
  target: YearFormTarget | null;
  regionOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (saved: CalendarYear | null) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<YearFormValues>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState<number | undefined>(undefined);
  // Saving replaces the whole list: an edit may be saved only once the stored list has loaded.
  const [loaded, setLoaded] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rangeName, setRangeName] = useState('');
  const rows = Form.useWatch('days', form) ?? [];
  const editing = target?.mode === 'edit' ? target.entry : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setRange(null);
    setRangeName('');
    setLoaded(target.mode === 'create');
    if (target.mode === 'create') {
      setVersion(undefined);
      form.setFieldsValue({ year: target.year, region: target.region, days: [] });
      return;
    }
    const { entry } = target;
    setVersion(entry.version);
    form.setFieldsValue({ year: entry.year, region: entry.regionCode, source: entry.source, publishedOn: entry.publishedOn ? dayjs(entry.publishedOn) : null, days: [] });
    // The client has shown the message if loading fails; the form then stays empty.
    calendarApi.notice(entry.year, entry.regionCode).then(
      (notice) => {
        setVersion(notice.year?.version);
        setLoaded(true);
        form.setFieldValue(
          'days',
          notice.days.map((d) => ({ day: dayjs(d.day), kind: d.kind, name: d.name, source: d.source === entry.source ? undefined : d.source })),
        );
      },
      () => undefined,
    );
  }, [target, form]);

  const addRange = () => {
    const [start, end] = range ?? [];
    if (!start || !end || !rangeName.trim()) {
      void message.warning('请选择起止日期并填写节日名称');
      return;
    }
    const added: DayRow[] = [];
    for (let day = start; !day.isAfter(end, 'day'); day = day.add(1, 'day')) added.push({ day, kind: 'holiday', name: rangeName.trim() });
    const existing = (form.getFieldValue('days') as DayRow[]).filter((r) => !added.some((a) => r.day?.isSame(a.day, 'day')));
    form.setFieldValue('days', [...existing, ...added].sort((a, b) => (a.day?.valueOf() ?? 0) - (b.day?.valueOf() ?? 0)));
    setRange(null);
  };

  const submit = async (values: YearFormValues) => {
    setSaving(true);
    try {
      const saved = await calendarApi.save(values.year, {
        region: values.region,
        source: values.source.trim(),
        publishedOn: values.publishedOn ? values.publishedOn.format('YYYY-MM-DD') : null,
        days: (values.days ?? []).map((r) => ({ day: r.day!.format('YYYY-MM-DD'), kind: r.kind, name: r.name!.trim(), ...(r.source ? { source: r.source } : {}) })),
        ...(version !== undefined ? { version } : {}),
      });
      onSaved(saved);
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved(null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? `修改 ${editing.year} 年度日历` : '录入年度日历'}
      width={860}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ ...testId('calendar-form-ok'), disabled: !loaded }}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="按国务院办公厅当年的节假日安排通知逐日录入：放假日期（含其中的周末）和调休上班的周六、周日。本县的民族节日等地方节假日，请选择本县后录入。保存后将整体替换该年度的日期清单，并重新计算未办结事项的期限。"
      />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="calendar-form">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请输入年度' }]}>
              <InputNumber min={1990} max={2100} precision={0} disabled={!!editing} style={{ width: '100%' }} data-testid="calendar-year" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="region" label="适用范围" rules={[{ required: true, message: '请选择适用范围' }]}>
              <Select options={regionOptions} disabled={!!editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="publishedOn" label="发布日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="source"
              label="依据文件名称及文号"
              rules={[{ required: true, whitespace: true, message: '请输入依据文件名称及文号' }, { max: 100 }]}
              extra="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）"
            >
              <Input data-testid="calendar-source" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          日期清单
        </Divider>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>连续放假：</Typography.Text>
          <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} />
          <Input placeholder="节日名称，如 春节" value={rangeName} onChange={(e) => setRangeName(e.target.value)} style={{ width: 160 }} />
          <Button icon={<PlusOutlined />} onClick={addRange}>
            添加
          </Button>
        </Space>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const hint = dayHint(rows[field.name]);
                return (
                  <Row key={field.key} gutter={8} align="top">
                    <Col xs={24} md={7}>
                      <Form.Item
                        name={[field.name, 'day']}
                        dependencies={[['days', field.name, 'kind']]}
                        rules={[
                          { required: true, message: '请选择日期' },
                          ({ getFieldValue }) => ({
                            validator: async (_, day?: Dayjs) => {
                              const { error } = dayHint({ day, kind: getFieldValue(['days', field.name, 'kind']) as DayKind });
                              if (error) throw new Error(error);
                            },
                          }),
                        ]}
                        extra={hint.error ? undefined : hint.note}
                      >
                        <DatePicker format={dayFormats} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                        <Select options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={10}>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入节日名称' }, { max: 50 }]}>
                        <Input placeholder="节日名称" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除" />
                    </Col>
                  </Row>
                );
              })}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'workday' })} data-testid="calendar-add-day">
                添加一天（如调休上班的周六、周日）
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export const regionLabel = (code: string, regions: { code: string; name: string }[]) =>
  code === NATIONAL ? '全国' : `${regions.find((r) => r.code === code)?.name ?? code}（${code}）`;
