import { TreeSelect, type TreeSelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { orgApi } from '../api/endpoints.ts';
import type { Org } from '../api/types.ts';
import { buildOrgTree, orgSelectTree } from '../lib/org-tree.ts';

/**
 * Picks one organisation from the tree the user may see (GET /api/orgs, org.read), searchable by name;
 * deactivated ones stay visible but cannot be chosen. Without org.read it says so instead of failing.
 */
export function OrgSelect(props: Omit<TreeSelectProps<string>, 'treeData' | 'showSearch'>) {
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [failed, setFailed] = useState(false);
  // The top level opens on its children (the county's departments and townships), not on villages.
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => {
    orgApi.list(undefined, { notify: false }).then(
      ({ items }) => {
        setOrgs(items);
        setExpanded(buildOrgTree(items).map((n) => n.org.id));
      },
      () => setFailed(true),
    );
  }, []);
  const treeData = useMemo(() => orgSelectTree(buildOrgTree(orgs ?? []), undefined, true), [orgs]);
  return (
    <TreeSelect<string>
      allowClear
      treeData={treeData}
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={!orgs && !failed}
      placeholder={failed ? '无法读取机构列表（需要“查看机构”权限）' : '选择机构，可输入名称搜索'}
      {...props}
      disabled={failed || props.disabled}
    />
  );
}
