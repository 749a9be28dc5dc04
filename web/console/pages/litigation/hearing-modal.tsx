import { Alert, App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { appearanceLabels, excuseLabels, failureLabels, failures, principalRoles, type Appearance, type Excuse, type Failure } from '../../../../contracts/litigation.ts';
import { dayjs } from '../../../shared/time.ts';
import { ApiError } from '../../api/client.ts';
import { litigationApi, type Hearing, type HearingInput, type LitigationCase } from '../../api/litigation.ts';
import { SingleFileUpload, type StoredFile } from '../../components/file-upload.tsx';
import { testId } from '../../components/guarded.tsx';
import { options } from '../../lib/labels.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';

interface Values {
  heldOn: dayjs.Dayjs;
  appearance: Appearance;
  appearedName?: string;
  appearedTitle?: string;
  excuse?: Excuse;
  excuseText?: string;
  /** The stored proof (POST /api/files); sent as its id. */
  proofFileId?: StoredFile;
  failure?: Failure;
  counsel?: string;
}

const isPrincipal = (appearance: Appearance | undefined) => !!appearance && (principalRoles as readonly Appearance[]).includes(appearance);

/**
 * The 第十二条 failures that fit who appeared (the server checks the same): absence ones only when no
 * 负责人 appeared, "nobody at all" only when nobody did, leaving or refusing only when a 负责人 was there.
 */
function failuresFor(appearance: Appearance | undefined): Failure[] {
  if (!appearance) return [...failures];
  if (appearance === 'nobody') return ['nobodyAppeared'];
  return isPrincipal(appearance) ? ['leftEarly', 'refusedToExplain'] : ['absentWithoutReason', 'absentAgain'];
}

function initialValues(hearing: Hearing | null): Partial<Values> {
  if (!hearing) return { heldOn: dayjs(beijingToday()) };
  return {
    heldOn: dayjs(hearing.heldOn),
    appearance: hearing.appearance,
    appearedName: hearing.appearedName ?? undefined,
    appearedTitle: hearing.appearedTitle ?? undefined,
    excuse: hearing.excuse ?? undefined,
    excuseText: hearing.excuseText ?? undefined,
    proofFileId: hearing.proofFile ? { id: hearing.proofFile.id, name: hearing.proofFile.name } : undefined,
    failure: hearing.failure ?? undefined,
    counsel: hearing.counsel ?? undefined,
  };
}

export interface HearingModalProps {
  view: LitigationCase;
  /** The hearing being corrected; null for a new one. */
  hearing: Hearing | null;
  open: boolean;
  onClose: () => void;
  /** The case as the server answered after the save. */
  onSaved: (next: LitigationCase) => void;
  /** Someone else changed the hearing meanwhile: reload. */
  onStale: () => void;
}

/**
 * 登记庭审 (or 修改): who appeared for the agency (行政诉讼法 第三条第三款; 规定 第二条), and when no 负责人
 * did, the excuse with its sealed proof (规定 第八条、第九条), and the court's finding of a 第十二条 failure.
 */
export function HearingModal({ view, hearing, open, onClose, onSaved, onStale }: HearingModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const appearance = Form.useWatch('appearance', form);
  const principal = isPrincipal(appearance);
  const excused = !!appearance && !principal;

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const text = (v?: string) => v?.trim() || undefined;
    const input: HearingInput = {
      heldOn: values.heldOn.format('YYYY-MM-DD'),
      appearance: values.appearance,
      appearedName: values.appearance === 'nobody' ? undefined : text(values.appearedName),
      appearedTitle: values.appearance === 'nobody' ? undefined : text(values.appearedTitle),
      excuse: excused ? values.excuse : undefined,
      excuseText: excused ? text(values.excuseText) : undefined,
      proofFileId: excused ? values.proofFileId?.id : undefined,
      failure: values.failure,
      counsel: text(values.counsel),
    };
    try {
      const next = hearing ? await litigationApi.editHearing(view.id, hearing.id, { ...input, version: hearing.version }) : await litigationApi.addHearing(view.id, input);
      void message.success(hearing ? '庭审记录已修改' : '庭审已登记');
      onSaved(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        onClose();
        modal.warning({ title: '庭审记录已被他人修改', content: '在您修改期间，其他人已修改了这条庭审记录。页面已刷新为最新内容，请核对后再修改。' });
        onStale();
      } else {
        setProblem(placeFieldErrors(form, error, '保存失败'));
      }
    } finally {
      setSaving(false);
    }
  };

  const failureOptions = failuresFor(appearance).map((value) => ({ value, label: failureLabels[value] }));
  const minDay = view.complaintReceivedOn;
  const maxDay = view.judgedOn && view.judgedOn < beijingToday() ? view.judgedOn : beijingToday();

  return (
    <Modal
      open={open}
      title={hearing ? `修改第 ${hearing.seq} 次庭审记录` : '登记庭审'}
      width={760}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={testId('hearing-submit')}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="hearing-problem" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(hearing)}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name)}
        onValuesChange={(changed: Partial<Values>) => {
          // A finding that no longer fits who appeared is dropped rather than sent and refused.
          if ('appearance' in changed && !failuresFor(changed.appearance).includes(form.getFieldValue('failure'))) form.setFieldValue('failure', undefined);
        }}
        data-testid="hearing-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="heldOn" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}>
              <DatePicker
                style={{ width: '100%' }}
                allowClear={false}
                disabledDate={(day) => {
                  const d = day.format('YYYY-MM-DD');
                  return d < minDay || d > maxDay;
                }}
                data-testid="hearing-held-on"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="counsel" label="委托代理人" rules={[{ max: 200 }]}>
              <Input autoComplete="off" placeholder="如：律师事务所及律师姓名，可不填" data-testid="hearing-counsel" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="appearance"
              label="出庭人员身份"
              rules={[{ required: true, message: '请选择出庭人员身份' }]}
              extra="负责人包括正职、副职和其他参与分管的负责人（规定第二条）"
            >
              <Radio.Group options={options(appearanceLabels)} data-testid="hearing-appearance" />
            </Form.Item>
          </Col>
          {appearance !== 'nobody' && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="appearedName" label="出庭人员姓名" rules={[{ required: true, whitespace: true, message: '请填写出庭人员姓名' }, { max: 64 }]}>
                  <Input autoComplete="off" data-testid="hearing-appeared-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="appearedTitle"
                  label="职务"
                  rules={[{ required: principal, whitespace: true, message: '负责人出庭的，请填写其职务' }, { max: 64 }]}
                >
                  <Input autoComplete="off" placeholder={principal ? '如：局长、副局长' : '如：法规股股长'} data-testid="hearing-appeared-title" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {excused && (
          <>
            {view.headSummoned && appearance === 'staff' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title="人民法院已通知负责人出庭"
                description="仅由工作人员出庭的，应当提交负责人不能出庭的理由和证明材料；理由不成立的，属于规定第十二条第一款第一项的情形，人民法院将提出司法建议。"
              />
            )}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="excuse" label="负责人不能出庭的理由" rules={[{ required: true, message: '请选择负责人不能出庭的理由' }]} extra="规定第八条">
                  <Select options={options(excuseLabels)} placeholder="请选择" popupMatchSelectWidth={false} data-testid="hearing-excuse" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="proofFileId"
                  label="证明材料"
                  rules={[{ required: true, message: '请上传加盖行政机关印章的证明材料（上传完成后再保存）' }]}
                  extra="加盖行政机关印章（规定第九条）"
                >
                  <SingleFileUpload buttonText="上传证明材料" testId="hearing-proof-upload" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="excuseText" label="具体理由" rules={[{ required: true, whitespace: true, message: '请说明负责人不能出庭的具体理由' }, { max: 2000 }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="hearing-excuse-text" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Form.Item name="failure" label="人民法院认定的第十二条情形（如有）" extra="人民法院据此向监察机关、上一级行政机关提出司法建议，并在裁判文书中载明">
          <Select allowClear options={failureOptions} placeholder="无" data-testid="hearing-failure" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
