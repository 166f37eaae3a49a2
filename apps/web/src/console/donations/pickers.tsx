import { useEffect, useState } from 'react';
import { Form, Select, Spin } from 'antd';
import { ProFormDependency } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DonorKind } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { APPEALS_KEY, appealsApi, DONORS_KEY, donorsApi } from './api.ts';
import { donationsDict } from './dict.ts';
import { OrgTreeSelect } from '../orgs/index.ts';

type PickerProps = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** Only what belongs to this society; nothing to pick until one is chosen. */
  orgId?: number;
  allowClear?: boolean;
  placeholder?: string;
};

/** Waits until the user stops typing for a moment, so each keystroke does not ask the server. */
function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Picks a donor of one society, searched on the server as the user types: “张三（个人）”. */
export function DonorSelect({ id, value, onChange, orgId, placeholder }: PickerProps) {
  const t = useT(donationsDict);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const donors = useQuery({
    queryKey: [...DONORS_KEY, 'pick', { orgId, q }],
    queryFn: () => donorsApi.list({ page: 1, pageSize: 50, orgId, q: q || undefined }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
  // The chosen donor keeps its label while a later search lists others.
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  const kinds: Record<DonorKind, string> = {
    person: t('kindPerson'),
    enterprise: t('kindEnterprise'),
    anonymous: t('kindAnonymous'),
  };
  // The list also holds the donors of the society's branches; a gift needs one registered at the society itself.
  const options = (donors.data?.items ?? [])
    .filter((d) => d.orgId === orgId)
    .map((d) => ({
      value: d.id,
      label: `${d.name}（${kinds[d.kind]}）`,
    }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v, option) => {
        setChosen(option && !Array.isArray(option) ? { value: v, label: String(option.label) } : null);
        onChange?.(v ?? undefined);
      }}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      loading={donors.isFetching}
      disabled={orgId === undefined}
      placeholder={orgId === undefined ? t('chooseOrgFirst') : (placeholder ?? t('searchDonor'))}
      options={options}
      notFoundContent={donors.isFetching ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
    />
  );
}

/** Picks one of the appeals (optionally only the open ones of one society). */
export function AppealSelect({
  id,
  value,
  onChange,
  orgId,
  allowClear = true,
  placeholder,
  openOnly = false,
  exactOrg = false,
  disabled,
}: PickerProps & {
  openOnly?: boolean;
  /** Leave out the appeals of the society's branches (a gift may only go to its own society's). */
  exactOrg?: boolean;
  disabled?: boolean;
}) {
  const appeals = useQuery({
    queryKey: [...APPEALS_KEY, { orgId, open: openOnly ? 'true' : undefined }],
    queryFn: () => appealsApi.list({ orgId, open: openOnly ? 'true' : undefined }),
    enabled: !disabled,
  });
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      loading={appeals.isFetching}
      disabled={disabled}
      placeholder={placeholder}
      options={(appeals.data?.items ?? [])
        .filter((a) => !exactOrg || a.orgId === orgId)
        .map((a) => ({ value: a.id, label: a.name }))}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 180 }}
    />
  );
}

/** 定向到募捐项目: one of the chosen society's own open appeals (nothing to pick before a society). */
export function AppealDesignationField() {
  const t = useT(donationsDict);
  return (
    <ProFormDependency name={['orgId']}>
      {({ orgId }: { orgId?: number }) => (
        <Form.Item name="appealId" label={t('designateTo')}>
          <AppealSelect
            id="appealId"
            orgId={orgId}
            openOnly
            exactOrg
            disabled={orgId === undefined}
            placeholder={orgId === undefined ? t('chooseOrgFirst') : t('designateHint')}
          />
        </Form.Item>
      )}
    </ProFormDependency>
  );
}

/** The receiving society of a gift form: changing it clears the donor and appeal, which belong to a society. */
export function GiftOrgField({
  value,
  onChange,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
}) {
  const form = Form.useFormInstance();
  return (
    <OrgTreeSelect
      id="orgId"
      value={value}
      onChange={(v) => {
        if (v !== value) form.setFieldsValue({ donorId: undefined, appealId: undefined });
        onChange?.(v);
      }}
    />
  );
}
