import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../lib/i18n.tsx';
import { STOCK_OPS_KEY, stockOpsApi } from './api.ts';
import { stockOpsDict } from './dict.ts';

/** Picks one active warehouse the user may see (its society's name first). Works as a form control. */
export function WarehouseSelect({
  id,
  value,
  onChange,
  allowClear,
  style,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const t = useT(stockOpsDict);
  const { data, isPending } = useQuery({
    queryKey: [...STOCK_OPS_KEY, 'warehouses'],
    queryFn: stockOpsApi.warehouses,
    staleTime: 60_000,
  });
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={isPending}
      allowClear={allowClear}
      showSearch
      optionFilterProp="label"
      placeholder={t('chooseWarehouse')}
      style={{ minWidth: 240, ...style }}
      options={(data ?? []).map((w) => ({ value: w.id, label: `${w.orgName} · ${w.name}` }))}
    />
  );
}
