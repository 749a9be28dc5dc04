import { ApartmentOutlined, DownloadOutlined, EditOutlined, PlusOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { beijingTime } from '../../../shared/time.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Org, Region, Status } from '../../api/types.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options, orgTypeLabels, statusLabels } from '../../lib/labels.ts';
import { ancestorIds, buildOrgTree, orgSelectTree, type OrgNode } from '../../lib/org-tree.ts';
import { useMe, useSession } from '../../session/session.tsx';
import { OrgFormModal, type OrgFormTarget } from './org-form-modal.tsx';
import { OrgImportModal } from './org-import-modal.tsx';
import { OrgMoveModal } from './org-move-modal.tsx';

function highlight(text: string, keyword: string): ReactNode {
  const at = keyword ? text.indexOf(keyword) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0, background: '#fde68a' }}>{keyword}</mark>
      {text.slice(at + keyword.length)}
    </>
  );
}

/** Tree nodes; while searching, only matches and the branches leading to them. */
function treeData(nodes: OrgNode[], keyword: string): DataNode[] {
  return nodes.flatMap((node) => {
    const children = treeData(node.children, keyword);
    const matches = !keyword || node.org.name.includes(keyword) || (node.org.shortName ?? '').includes(keyword);
    if (!matches && !children.length) return [];
    const inactive = node.org.status === 'inactive';
    return [
      {
        key: node.org.id,
        title: (
          <span className={inactive ? 'org-tree-inactive' : undefined}>
            {highlight(node.org.name, keyword)}
            {inactive && (
              <Tag style={{ marginInlineStart: 6 }} variant="filled">
                已停用
              </Tag>
            )}
          </span>
        ),
        children: children.length ? children : undefined,
      },
    ];
  });
}

function OrgDetails({ org, parent, regionName }: { org: Org; parent?: Org; regionName: string }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '机构名称', children: org.name, span: 2 },
        { key: 'shortName', label: '简称', children: org.shortName || '—' },
        { key: 'code', label: '机构编码', children: org.code },
        { key: 'type', label: '机构类型', children: orgTypeLabels[org.type] ?? org.type },
        {
          key: 'status',
          label: '状态',
          children: <Tag color={org.status === 'active' ? 'green' : 'default'}>{statusLabels[org.status]}</Tag>,
        },
        { key: 'creditCode', label: '统一社会信用代码', children: org.creditCode || '—' },
        { key: 'region', label: '行政区划', children: regionName },
        { key: 'parent', label: '上级机构', children: parent?.name ?? (org.parentId ? '（不在您的数据范围内）' : '无（顶级机构）') },
        { key: 'sortOrder', label: '排序号', children: org.sortOrder },
        { key: 'contactPerson', label: '联系人', children: org.contactPerson || '—' },
        { key: 'contactPhone', label: '联系电话', children: org.contactPhone || '—' },
        { key: 'address', label: '地址', children: org.address || '—', span: 2 },
        { key: 'childCount', label: '下级机构', children: `${org.childCount} 个` },
        { key: 'userCount', label: '用户', children: `${org.userCount} 人` },
        { key: 'updatedAt', label: '最后修改', children: beijingTime(org.updatedAt), span: 2 },
      ]}
    />
  );
}

export function OrgsPage() {
  const me = useMe();
  const { can } = useSession();
  const { message } = App.useApp();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const [loading, setLoading] = useState(true);
  const [status, setStatus] = useState<Status>();
  const [keyword, setKeyword] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const { items } = await orgApi.list({ status });
      setOrgs(items);
      setSelectedId((current) => current ?? items.find((o) => !o.parentId)?.id ?? items[0]?.id);
      setExpanded((current) => (current.length ? current : items.filter((o) => o.depth <= 0).map((o) => o.id)));
    } catch {
      setOrgs([]);
    } finally {
      setLoading(false);
    }
  }, [status]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    orgApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  const tree = useMemo(() => buildOrgTree(orgs), [orgs]);
  const byId = useMemo(() => new Map(orgs.map((o) => [o.id, o])), [orgs]);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const keywordTrimmed = keyword.trim();
  const nodes = useMemo(() => treeData(tree, keywordTrimmed), [tree, keywordTrimmed]);
  const regionName = (code: string) => {
    const region = regions.find((r) => r.code === code);
    return region ? `${region.name}（${code}）` : code;
  };

  const search = (value: string) => {
    setKeyword(value);
    const text = value.trim();
    // Open every branch that leads to a match.
    if (text) setExpanded([...new Set(orgs.filter((o) => o.name.includes(text)).flatMap(ancestorIds))]);
  };

  const toggleActive = async (org: Org) => {
    const activate = org.status === 'inactive';
    try {
      await orgApi.setActive(org.id, activate, org.version);
      void message.success(activate ? '已启用' : '已停用');
    } catch (error) {
      reportSaveError(undefined, error);
    }
    await load();
  };

  const actions = selected && (
    <Space wrap>
      <GuardedButton permission="org.write" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: selected })} data-testid="org-create-child">
        新建下级机构
      </GuardedButton>
      <GuardedButton permission="org.write" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', org: selected })} data-testid="org-edit">
        编辑
      </GuardedButton>
      <GuardedButton permission="org.write" icon={<SwapOutlined />} onClick={() => setMoving(selected)} data-testid="org-move">
        移动
      </GuardedButton>
      <Popconfirm
        title={selected.status === 'active' ? `停用“${selected.name}”？` : `启用“${selected.name}”？`}
        description={selected.status === 'active' ? '停用后该机构不能再新增用户或业务。' : undefined}
        onConfirm={() => toggleActive(selected)}
        disabled={!can('org.write')}
      >
        <GuardedButton permission="org.write" danger={selected.status === 'active'} data-testid="org-toggle">
          {selected.status === 'active' ? '停用' : '启用'}
        </GuardedButton>
      </Popconfirm>
    </Space>
  );

  return (
    <PageContainer
      title="机构管理"
      extra={
        <Space wrap>
          <GuardedButton permission="org.write" type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: selected })} data-testid="org-create">
            新建机构
          </GuardedButton>
          <GuardedButton permission="org.read" icon={<DownloadOutlined />} onClick={() => orgApi.exportXlsx().catch(() => undefined)} data-testid="org-export">
            导出 Excel
          </GuardedButton>
          <GuardedButton permission="org.write" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="org-import">
            导入 Excel
          </GuardedButton>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={7}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.Search placeholder="搜索机构名称" allowClear onSearch={search} onChange={(e) => !e.target.value && search('')} data-testid="org-search" />
              <Select
                allowClear
                placeholder="全部状态"
                value={status}
                onChange={setStatus}
                options={options(statusLabels)}
                style={{ width: '100%' }}
              />
              <Spin spinning={loading}>
                {nodes.length ? (
                  <Tree
                    blockNode
                    showIcon={false}
                    height={560}
                    treeData={nodes}
                    expandedKeys={expanded}
                    onExpand={setExpanded}
                    selectedKeys={selectedId ? [selectedId] : []}
                    onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
                    data-testid="org-tree"
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keywordTrimmed ? '没有名称匹配的机构' : '暂无机构，请新建或导入'} />
                )}
              </Spin>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={17}>
          <Card
            title={
              selected ? (
                <Space>
                  <ApartmentOutlined />
                  {selected.name}
                </Space>
              ) : (
                '机构详情'
              )
            }
            extra={actions}
          >
            {selected ? (
              <OrgDetails org={selected} parent={selected.parentId ? byId.get(selected.parentId) : undefined} regionName={regionName(selected.regionCode)} />
            ) : (
              <Empty description="在左侧选择一个机构查看详情" />
            )}
            {selected && !can('org.write') && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                您可以查看机构信息；新建、修改、移动、停用机构需要系统管理员权限。
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        target={formTarget}
        regions={regions}
        orgOptions={orgSelectTree(tree, undefined, true)}
        defaultRegion={me.regionCode}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          if (saved) {
            void message.success('已保存');
            setSelectedId(saved.id);
            setExpanded((current) => [...new Set([...current, ...ancestorIds(saved)])]);
          }
          void load();
        }}
      />
      <OrgMoveModal
        org={moving}
        tree={tree}
        onClose={() => setMoving(null)}
        onSaved={() => {
          setMoving(null);
          void message.success('已移动');
          void load();
        }}
      />
      <OrgImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          void message.success('导入完成');
          void load();
        }}
      />
    </PageContainer>
  );
}
