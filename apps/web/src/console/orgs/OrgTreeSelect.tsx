import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { Org } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { useOrgs } from './api.ts';
import { orgsDict } from './dict.ts';
import { buildOrgTree, type OrgNode } from './tree.ts';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  includeInactive?: boolean;
  /** Societies that may not be chosen (shown, greyed). */
  isDisabled?: (org: Org) => boolean;
  allowClear?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
};

type Option = { value: number; title: string; disabled: boolean; children: Option[] };

/** Picks one of the societies the user may see, as a searchable tree. Works as a form control (value/onChange). */
export function OrgTreeSelect({
  id,
  value,
  onChange,
  includeInactive = false,
  isDisabled,
  allowClear,
  disabled,
  placeholder,
  style,
}: Props) {
  const t = useT(orgsDict);
  const orgs = useOrgs(includeInactive);
  const { treeData, rootIds } = useMemo(() => {
    const toOption = (n: OrgNode): Option => ({
      value: n.id,
      title: n.active ? n.name : `${n.name}（${t('inactive')}）`,
      disabled: isDisabled?.(n) ?? false,
      children: n.children.map(toOption),
    });
    const roots = buildOrgTree(orgs.data ?? []);
    return { treeData: roots.map(toOption), rootIds: roots.map((r) => r.id) };
  }, [orgs.data, isDisabled, t]);

  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={orgs.isPending}
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('chooseOrg')}
      treeDefaultExpandedKeys={rootIds}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 180, ...style }}
      key={rootIds.join(',')}
    />
  );
}
