import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { beijingTime } from '../../../shared/time.ts';
import { ApiError, showError } from '../../api/client.ts';
import { caseApi } from '../../api/endpoints.ts';
import type { CaseAction, CaseDetail, DeadlineMark } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { ActionModal } from './action-modal.tsx';
import { CaseActionsCard } from './case-actions.tsx';
import { CaseClocksCard } from './case-clocks.tsx';
import { CaseModulePanel } from './case-panels.tsx';
import { CaseTimelineCard } from './case-timeline.tsx';
import { DueDate } from './deadline.tsx';

/** With every clock paused (中止, consultation) the case has no due date, yet it is not without one. */
function CaseDue({ detail, mark }: { detail: CaseDetail; mark: DeadlineMark }) {
  if (!detail.dueOn && detail.clocks.some((c) => c.status === 'paused')) return <Typography.Text type="warning">暂停计算中</Typography.Text>;
  return <DueDate dueOn={detail.dueOn} mark={mark} provisional={detail.dueProvisional} />;
}

/** The case this one follows from (a 复议 case's 意见书, a lawsuit after 复议), linked when the user may read it. */
function ParentCase({ detail }: { detail: CaseDetail }) {
  const parent = detail.parent;
  if (!parent) return <Typography.Text type="secondary">（不在您的查看范围内）</Typography.Text>;
  return (
    <Link to={`/cases/${parent.id}`} title={parent.title} data-testid="case-parent">
      {parent.caseTypeLabel} {parent.caseNo ?? parent.title}
    </Link>
  );
}

function CaseSummary({ detail }: { detail: CaseDetail }) {
  // The case's own due date is its earliest running clock's, so the mark is that clock's.
  const mark = detail.clocks.find((c) => c.status === 'running' && c.dueOn === detail.dueOn)?.mark ?? null;
  return (
    <Card data-testid="case-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'type', label: '案件类型', children: detail.caseTypeLabel },
          { key: 'no', label: '案号', children: <span data-testid="case-no">{detail.caseNo ?? '（未编号）'}</span> },
          {
            key: 'state',
            label: '当前状态',
            children: (
              <Tag color={detail.terminal ? 'green' : 'blue'} data-testid="case-state">
                {detail.stateLabel}
              </Tag>
            ),
          },
          { key: 'org', label: '办理机构', children: detail.orgName },
          ...(detail.parentId ? [{ key: 'parent', label: '关联案件', children: <ParentCase detail={detail} /> }] : []),
          { key: 'opened', label: '收件时间', children: beijingTime(detail.openedAt, 'YYYY-MM-DD HH:mm') },
          detail.closedAt
            ? { key: 'closed', label: '办结时间', children: beijingTime(detail.closedAt, 'YYYY-MM-DD HH:mm') }
            : { key: 'due', label: '最近期限', children: <CaseDue detail={detail} mark={mark} /> },
        ]}
      />
    </Card>
  );
}

/** One case of any type: what it is, its clocks, what the user may do now, its module's panel and its whole history. */
export function CasePage() {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const navigate = useNavigate();
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);
  const [acting, setActing] = useState<CaseAction | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDetail(await caseApi.get(id, { notify: false }));
      setMissing(false);
      setFailed(false);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED')) setMissing(true);
      else {
        setFailed(true);
        showError(error);
      }
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  // Back to where the user came from (the 待办, a module's list with its filters, a parent case); opened
  // from a bookmark, to the list the address belongs to.
  const location = useLocation();
  const listPath = location.pathname.startsWith('/cases/') ? '/todo' : location.pathname.replace(/\/[^/]+$/, '');
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => (location.key !== 'default' ? navigate(-1) : navigate(listPath))} data-testid="case-back">
      返回
    </Button>
  );

  if (missing) {
    return <Result status="404" title="案件不存在或无权访问" subTitle="案件可能已移交，或不在您的数据范围内。" extra={back} />;
  }
  if (failed && !detail) {
    return <Result status="error" title="案件加载失败" subTitle="请稍后重试" extra={<Space><Button type="primary" onClick={() => void load()}>重试</Button>{back}</Space>} />;
  }
  if (!detail) return <Spin spinning={loading} style={{ display: 'block', marginTop: 80 }} />;

  return (
    <PageContainer
      title={detail.title}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} data-testid="case-reload">
            刷新
          </Button>
          {back}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <CaseSummary detail={detail} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseActionsCard detail={detail} onAct={setActing} />
              <CaseClocksCard clocks={detail.clocks} />
            </Space>
          </Col>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <CaseModulePanel detail={detail} onChanged={() => void load()} />
              <CaseTimelineCard detail={detail} />
            </Space>
          </Col>
        </Row>
      </Space>
      <ActionModal
        detail={detail}
        action={acting}
        onClose={() => setActing(null)}
        onDone={(next) => {
          setActing(null);
          setDetail(next);
        }}
        onStale={() => void load()}
      />
    </PageContainer>
  );
}
