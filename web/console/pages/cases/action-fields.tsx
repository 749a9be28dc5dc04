import { DatePicker, Form, Input, InputNumber, Select, Switch, type FormRule } from 'antd';
import { useEffect, useState } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { api, ApiError } from '../../api/client.ts';
import type { ActionField } from '../../api/types.ts';
import { OrgSelect } from '../../components/org-select.tsx';

export type StepData = Record<string, unknown>;

const present = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * The fields shown for the values entered so far: a field with `showWhen` only while the other field
 * (itself shown) holds one of the values; for a multiple choice, while any chosen value is one of them.
 */
export function visibleFields(fields: ActionField[], data: StepData | undefined): ActionField[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const shown = (field: ActionField, path: Set<string>): boolean => {
    const rule = field.showWhen;
    if (!rule) return true;
    const controller = byName.get(rule.field);
    // A cycle in the module's declarations would hide the fields rather than loop.
    if (controller && (path.has(controller.name) || !shown(controller, new Set([...path, field.name])))) return false;
    const value = data?.[rule.field];
    return (Array.isArray(value) ? value : [value]).some((v) => present(v) && rule.values.includes(String(v)));
  };
  return fields.filter((f) => shown(f, new Set([f.name])));
}

/** What the step sends as `data`: the shown fields that have a value, text trimmed; hidden ones are dropped. */
export function stepData(fields: ActionField[], data: StepData | undefined): StepData {
  const out: StepData = {};
  for (const field of visibleFields(fields, data)) {
    const value = typeof data?.[field.name] === 'string' ? (data[field.name] as string).trim() : data?.[field.name];
    if (present(value)) out[field.name] = value;
  }
  return out;
}

function rulesOf(field: ActionField): FormRule[] {
  if (!field.required || field.type === 'boolean') return [];
  const text = field.type === 'text' || field.type === 'textarea';
  // async-validator checks a rule without a type as a string: a number would fail as if it were empty.
  return [{ required: true, whitespace: text, ...(field.type === 'number' ? { type: 'number' as const } : field.type === 'multiselect' ? { type: 'array' as const } : {}), message: `${text || field.type === 'number' ? '请填写' : '请选择'}${field.label}` }];
}

const testId = (field: ActionField) => `action-field-${field.name}`;

type Option = { value: string; label: string };

/** A choice among the case's own records (ActionField.optionsFrom), read when the form opens. */
function ServerSelect({ field, caseId, ...props }: { field: ActionField; caseId: string; value?: string; onChange?: (value: string) => void }) {
  const [options, setOptions] = useState<Option[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    api.get<Option[]>(field.optionsFrom!.replace(':caseId', caseId), undefined, { notify: false }).then(
      (found) => live && setOptions(found),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [field.optionsFrom, caseId]);
  return (
    <Select
      {...props}
      options={options}
      loading={!options && !failed}
      allowClear={!field.required}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={failed ? '选项加载失败，请刷新后重试' : '请选择'}
      notFoundContent="没有可选的项目"
      popupMatchSelectWidth={false}
      data-testid={testId(field)}
    />
  );
}

function inputOf(field: ActionField, caseId: string) {
  const id = testId(field);
  if (field.optionsFrom) return <ServerSelect field={field} caseId={caseId} />;
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={field.max} showCount={!!field.max} data-testid={id} />;
    case 'date':
      return <DatePicker style={{ width: 200 }} placeholder="选择日期" data-testid={id} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} style={{ width: 200 }} data-testid={id} />;
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" data-testid={id} />;
    case 'select':
      return (
        <Select
          options={field.options}
          allowClear={!field.required}
          showSearch={(field.options?.length ?? 0) > 8 ? { optionFilterProp: 'label' } : false}
          placeholder="请选择"
          data-testid={id}
        />
      );
    case 'multiselect':
      return <Select mode="multiple" options={field.options} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择，可多选" data-testid={id} />;
    case 'org':
      return <OrgSelect data-testid={id} />;
    default:
      return <Input maxLength={field.max} data-testid={id} />;
  }
}

/**
 * One of a step's own fields as an antd form item under `data`. Dates are kept as 'YYYY-MM-DD'
 * strings, which is what the server's z.iso.date() reads. A hidden field is unmounted and, with
 * `preserve={false}`, forgets its value, so it comes back empty.
 */
export function ActionFieldItem({ field, caseId }: { field: ActionField; caseId: string }) {
  const date = field.type === 'date';
  return (
    <Form.Item
      name={['data', field.name]}
      label={field.label}
      extra={field.help}
      rules={rulesOf(field)}
      preserve={false}
      {...(field.type === 'boolean' ? { valuePropName: 'checked', initialValue: false } : {})}
      {...(date
        ? {
            getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
            normalize: (value: dayjs.Dayjs | null) => value?.format('YYYY-MM-DD'),
          }
        : {})}
    >
      {inputOf(field, caseId)}
    </Form.Item>
  );
}

/** Where each part of a refused step belongs on the form. */
export interface StepErrors {
  data: { name: string; message: string }[];
  reason?: string;
  files?: string;
  /** Something the form cannot point at: the whole message goes in the alert. */
  unplaced: boolean;
}

/**
 * Places a VALIDATION_FAILED answer. The step's input errors are zod issues with a `path` inside
 * `data` (kernel/workflow/transition.ts); the request schema names body fields as `field`
 * (kernel/http/errors.ts); the server's own checks (reason required, minimum attachments) give only a
 * message, recognised by the field it names.
 */
export function placeStepError(error: ApiError, shown: ActionField[]): StepErrors {
  const names = new Set(shown.map((f) => f.name));
  const out: StepErrors = { data: [], unplaced: false };
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown; field?: unknown; message?: unknown }[]) : [];
  for (const detail of details) {
    const message = typeof detail?.message === 'string' ? detail.message : error.message;
    // A zod issue's path starts inside `data`, a body-schema field at the body.
    const [root, name] = Array.isArray(detail?.path) ? ['data', ...detail.path.map(String)] : typeof detail?.field === 'string' ? detail.field.split('.') : [];
    if (root === 'data' && name && names.has(name)) out.data.push({ name, message });
    else if (root === 'reason') out.reason = message;
    else if (root === 'fileIds') out.files = message;
    else out.unplaced = true;
  }
  if (details.length === 0) {
    if (error.message.includes('理由')) out.reason = error.message;
    else if (error.message.includes('附件')) out.files = error.message;
    else out.unplaced = true;
  }
  return out;
}
