import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import type { Appearance, WarningKind } from '../../../../contracts/litigation.ts';
import { fileApi } from '../../api/endpoints.ts';
import { LITIGATION, type Hearing } from '../../api/litigation.ts';
import { GuardedButton } from '../../components/guarded.tsx';

/** Short names of the warnings, for tags; the case's warnings above the table give the full text. */
export const warningTitles: Record<WarningKind, string> = {
  art12: '第十二条情形',
  nobody: '无人出庭应诉',
  summonedStaff: '通知负责人出庭而未出庭',
  defenceLate: '逾期答辩',
};

const appearanceColors: Record<Appearance, string> = { head: 'green', deputy: 'green', inCharge: 'green', staff: 'orange', nobody: 'red' };

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** The hearings of one instance and who appeared at each, with 「修改」 per row. */
export function HearingsTable({ hearings, onEdit }: { hearings: Hearing[]; onEdit: (hearing: Hearing) => void }) {
  const columns: TableProps<Hearing>['columns'] = [
    {
      title: '庭审',
      key: 'heldOn',
      width: 100,
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{h.heldOn}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            第 {h.seq} 次
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '出庭情况',
      key: 'appearance',
      render: (_, h) => (
        <Space orientation="vertical" size={2}>
          <Tag color={appearanceColors[h.appearance]} style={{ marginInlineEnd: 0 }} data-testid="hearing-appearance-tag">
            {h.appearanceLabel}
          </Tag>
          {h.appearedName && (
            <span>
              {h.appearedName}
              {h.appearedTitle && <Typography.Text type="secondary">（{h.appearedTitle}）</Typography.Text>}
            </span>
          )}
          {h.counsel && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              代理人：{h.counsel}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '未出庭理由',
      key: 'excuse',
      render: (_, h) =>
        h.principal ? (
          none
        ) : (
          <Space orientation="vertical" size={2}>
            {h.excuseLabel ? <Tooltip title={h.excuseText}>{h.excuseLabel}</Tooltip> : <Typography.Text type="danger">未说明理由</Typography.Text>}
            {h.proofFile ? (
              <a href={fileApi.contentUrl(h.proofFile.id)} data-testid="hearing-proof-link">
                <PaperClipOutlined /> {h.proofFile.name}
              </a>
            ) : (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                未上传证明材料
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      title: '预警',
      key: 'warnings',
      width: 120,
      render: (_, h) =>
        h.warningKinds.length ? (
          <Space size={[0, 4]} wrap>
            {h.warningKinds.map((kind) => (
              <Tag key={kind} color="red" title={kind === 'art12' ? (h.failureLabel ?? undefined) : undefined} data-testid="hearing-warning-tag">
                {warningTitles[kind]}
              </Tag>
            ))}
          </Space>
        ) : (
          none
        ),
    },
    {
      title: '操作',
      key: 'edit',
      width: 60,
      render: (_, h) => (
        <GuardedButton permission={LITIGATION.handle} type="link" size="small" onClick={() => onEdit(h)} style={{ paddingInline: 0 }} data-testid="hearing-edit">
          修改
        </GuardedButton>
      ),
    },
  ];
  return (
    <Table<Hearing>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={hearings}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: '尚未登记庭审' }}
      data-testid="hearings-table"
    />
  );
}

/** 「登记庭审」, for the table's header. */
export function AddHearingButton({ onClick }: { onClick: () => void }) {
  return (
    <GuardedButton permission={LITIGATION.handle} size="small" type="primary" ghost onClick={onClick} data-testid="hearing-add">
      登记庭审
    </GuardedButton>
  );
}
