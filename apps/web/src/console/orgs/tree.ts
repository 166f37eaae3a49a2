import { ORG_LEVELS, type Org, type OrgLevel } from '@boai/contracts';

export type OrgNode = Org & { children: OrgNode[] };

/**
 * The flat list as a forest. The user's top societies are those whose parent is not in the list
 * (the server only returns what the user may see). Siblings keep the server's order.
 */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(orgs.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of a society and everything below it, following parent links. */
export function subtreeIds(orgs: Org[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const o of orgs)
    if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const ids = new Set<number>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

export const levelIndex = (level: OrgLevel) => ORG_LEVELS.indexOf(level);

/** The levels a child of `parent` may have: strictly below it. */
export const levelsBelow = (parent: OrgLevel): OrgLevel[] => ORG_LEVELS.slice(levelIndex(parent) + 1);

/** Keeps the nodes whose name contains `text`, with the ancestors that lead to them. */
export function filterTree(nodes: OrgNode[], text: string): OrgNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return nodes;
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, text);
    return n.name.toLowerCase().includes(needle) || children.length > 0 ? [{ ...n, children }] : [];
  });
}

export function collectIds(nodes: OrgNode[]): number[] {
  return nodes.flatMap((n) => [n.id, ...collectIds(n.children)]);
}
