import { Col, Form, Row, Switch, Typography } from 'antd';
import { useCallback } from 'react';
import { instanceLabels, type Instance } from '../../../../contracts/litigation.ts';
import { litigationApi } from '../../api/litigation.ts';
import { CaseSearchSelect, type CaseOption } from './case-search-select.tsx';

/** Which instances an instance continues (行政诉讼法 第八十五条 上诉, 第九十条 再审, 第八十九条 发回重审). */
const parentInstances: Record<Instance, Instance[]> = { appeal: ['first'], retrial: ['first', 'appeal'], first: ['appeal', 'retrial'] };

/**
 * The registration's links (cases.parent_id): the instance below for an appeal or retrial (or the
 * remanding instance for a new first instance); otherwise whether the suit follows 复议, and which
 * 复议 case. Fields of the surrounding registration form.
 */
export function RelatedCaseFields({ instance, defendantOrgId }: { instance: Instance; defendantOrgId: string | undefined }) {
  const form = Form.useFormInstance();
  const parentCaseId: string | undefined = Form.useWatch('parentCaseId', form);
  const afterReconsideration: boolean = Form.useWatch('afterReconsideration', form) ?? false;

  // The instance below, of the same defendant, decided (and, before a new first instance, remanded).
  const searchParents = useCallback(
    async (q: string | undefined): Promise<CaseOption[]> => {
      const allowed = parentInstances[instance];
      const page = await litigationApi.list({
        q,
        state: 'judged',
        defendantOrgId,
        instance: allowed.length === 1 ? allowed[0] : undefined,
        outcome: instance === 'first' ? 'remanded' : undefined,
        sort: 'judgedOn',
        order: 'desc',
        page: 1,
        pageSize: 30,
      });
      return page.items
        .filter((c) => allowed.includes(c.instance) && (instance === 'first' || (c.outcome !== 'withdrawn' && c.outcome !== 'mediation')))
        .map((c) => ({ value: c.id, label: `${c.courtCaseNo ?? c.caseNo ?? '（无案号）'}　${c.title}` }));
    },
    [instance, defendantOrgId],
  );

  const searchReconsideration = useCallback(async (q: string | undefined): Promise<CaseOption[]> => {
    const page = await litigationApi.findReconsideration(q);
    return page.items.map((c) => ({ value: c.id, label: `${c.caseNo ?? '（未编号）'}　${c.title}（${c.stateLabel}）` }));
  }, []);

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="parentCaseId"
          label={instance === 'first' ? '发回重审的原审案件（可选）' : '原审案件'}
          extra={
            instance === 'first'
              ? '发回重审后重新审理的一审，关联作出发回裁定的二审或再审案件'
              : `关联已审结的${parentInstances[instance].map((i) => instanceLabels[i]).join('或')}案件（被告应一致）；原审未在本系统登记的可不关联`
          }
        >
          <CaseSearchSelect
            key={`${instance}:${defendantOrgId ?? ''}`}
            search={searchParents}
            unavailable="无法读取应诉案件"
            placeholder={defendantOrgId ? '输入原告、案号查找' : '先选择被告机构，或输入原告、案号查找'}
            data-testid="litigation-parent"
          />
        </Form.Item>
      </Col>
      {parentCaseId ? (
        <Col span={24}>
          <Typography.Paragraph type="secondary">是否复议后起诉，随原审案件。</Typography.Paragraph>
        </Col>
      ) : (
        <>
          <Col xs={24} md={instance === 'first' && afterReconsideration ? 8 : 24}>
            <Form.Item name="afterReconsideration" label="复议后起诉" valuePropName="checked" extra="经行政复议后提起诉讼的">
              <Switch checkedChildren="是" unCheckedChildren="否" data-testid="litigation-after-reconsideration" />
            </Form.Item>
          </Col>
          {instance === 'first' && afterReconsideration && (
            <Col xs={24} md={16}>
              <Form.Item name="reconsiderationCaseId" label="行政复议案件（可选）" extra="本县办理的复议案件可关联，便于查看复议和诉讼的全过程">
                <CaseSearchSelect
                  search={searchReconsideration}
                  unavailable="无权查看行政复议案件，可不关联"
                  placeholder="输入复议案号、申请人查找"
                  data-testid="litigation-reconsideration"
                />
              </Form.Item>
            </Col>
          )}
        </>
      )}
    </Row>
  );
}
