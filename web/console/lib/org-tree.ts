import type { Org } from '../api/types.ts';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

const byOrder = (a: OrgNode, b: OrgNode) => a.org.sortOrder - b.org.sortOrder || a.org.name.localeCompare(b.org.name, 'zh-CN');

/** Builds the tree from GET /api/orgs' flat list; an org whose parent is not visible becomes a root. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map(orgs.map((org) => [org.id, { org, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort(byOrder);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export interface OrgSelectNode {
  value: string;
  title: string;
  regionCode: string;
  disabled?: boolean;
  children?: OrgSelectNode[];
}

/** TreeSelect data; `exclude` drops a subtree (an org cannot move under itself or its descendants). */
export function orgSelectTree(nodes: OrgNode[], exclude?: string, disableInactive = false): OrgSelectNode[] {
  return nodes
    .filter((n) => n.org.id !== exclude)
    .map((n) => ({
      value: n.org.id,
      title: n.org.status === 'inactive' ? `${n.org.name}（已停用）` : n.org.name,
      regionCode: n.org.regionCode,
      disabled: disableInactive && n.org.status === 'inactive',
      children: n.children.length ? orgSelectTree(n.children, exclude, disableInactive) : undefined,
    }));
}

/** Ids of the orgs on the way from a root down to (and excluding) the given org. */
export function ancestorIds(org: Org): string[] {
  return org.path.split('/').filter((id) => id && id !== org.id);
}
