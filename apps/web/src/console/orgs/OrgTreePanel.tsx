import { useMemo, useState, type ReactNode } from 'react';
import { Card, Checkbox, Empty, Input, Space, Tag, Tree, Typography } from 'antd';
import type { Org } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { orgsDict } from './dict.ts';
import { LevelTag } from './LevelTag.tsx';
import { buildOrgTree, collectIds, filterTree, type OrgNode } from './tree.ts';

type Props = {
  orgs: Org[];
  loading: boolean;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
  showInactive: boolean;
  onShowInactive: (show: boolean) => void;
};

type TreeItem = { key: number; title: ReactNode; children: TreeItem[] };

/** The visible societies as a searchable tree; inactive ones greyed with a tag when shown. */
export function OrgTreePanel({ orgs, loading, selectedId, onSelect, showInactive, onShowInactive }: Props) {
  const t = useT(orgsDict);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[] | undefined>(undefined);

  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const visible = useMemo(() => filterTree(roots, search), [roots, search]);

  const toItem = (n: OrgNode): TreeItem => ({
    key: n.id,
    title: (
      <Space size={4} wrap={false} style={{ opacity: n.active ? 1 : 0.55 }}>
        <Typography.Text style={{ color: n.active ? undefined : '#8c8c8c' }}>{n.name}</Typography.Text>
        <LevelTag level={n.level} />
        {!n.active && (
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            {t('inactive')}
          </Tag>
        )}
      </Space>
    ),
    children: n.children.map(toItem),
  });

  // While searching every match is shown opened; otherwise the top societies and the way to the chosen one start open.
  const initiallyOpen = useMemo(() => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const open = new Set(roots.map((r) => r.id));
    for (
      let o = selectedId ? byId.get(selectedId) : undefined;
      o && o.parentId !== null;
      o = byId.get(o.parentId)
    )
      open.add(o.parentId);
    return [...open];
  }, [orgs, roots, selectedId]);
  const expandedKeys = search.trim() ? collectIds(visible) : (expanded ?? initiallyOpen);

  return (
    <Card
      size="small"
      title={t('title')}
      loading={loading}
      extra={
        <Checkbox
          id="show-inactive"
          checked={showInactive}
          onChange={(e) => onShowInactive(e.target.checked)}
        >
          {t('showInactive')}
        </Checkbox>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Input.Search
        id="org-search"
        allowClear
        placeholder={t('search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {visible.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <div style={{ maxHeight: 'calc(100vh - 260px)', minHeight: 200, overflow: 'auto' }}>
          <Tree<TreeItem>
            blockNode
            showLine={{ showLeafIcon: false }}
            treeData={visible.map(toItem)}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys as number[])}
            onSelect={(keys) => {
              const id = keys[0];
              if (typeof id === 'number') onSelect(id);
            }}
          />
        </div>
      )}
    </Card>
  );
}
