import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../lib/i18n.tsx';
import { ITEMS_KEY, reliefStockApi, WAREHOUSES_KEY } from './api.ts';
import { reliefStockDict } from './dict.ts';

/** Active warehouses of society `orgId` and below (every one the user may see without it). */
export function useWarehouses(orgId?: number) {
  return useQuery({
    queryKey: [...WAREHOUSES_KEY, 'options', orgId ?? null],
    queryFn: () => reliefStockApi.warehouses({ orgId, active: 'true', page: 1, pageSize: 200 }),
    staleTime: 30_000,
  });
}

/** Active items society `orgId` may stock: its own catalogue and those above it. */
export function useUsableItems(orgId?: number) {
  return useQuery({
    queryKey: [...ITEMS_KEY, 'usable', orgId ?? null],
    queryFn: () => reliefStockApi.items({ usableBy: orgId, active: 'true', page: 1, pageSize: 200 }),
    enabled: orgId !== undefined,
    staleTime: 30_000,
  });
}

type ControlProps = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
};

/** One warehouse of society `orgId` or below, shown with its society. Works as a form control. */
export function WarehousePicker({ orgId, ...p }: ControlProps & { orgId?: number }) {
  const t = useT(reliefStockDict);
  const { data, isPending } = useWarehouses(orgId);
  return (
    <Select<number>
      id={p.id}
      value={p.value ?? undefined}
      onChange={(v) => p.onChange?.(v ?? undefined)}
      allowClear={p.allowClear}
      disabled={p.disabled}
      loading={isPending}
      showSearch
      optionFilterProp="label"
      placeholder={t('chooseWarehouse')}
      style={{ width: '100%', minWidth: 200, ...p.style }}
      options={(data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name}（${w.orgName}）` }))}
    />
  );
}

/** A location (库位) of the given warehouse. */
export function LocationPicker({
  warehouseId,
  orgId,
  ...p
}: ControlProps & { warehouseId?: number; orgId?: number }) {
  const { data } = useWarehouses(orgId);
  const warehouse = data?.items.find((w) => w.id === warehouseId);
  return (
    <Select<number>
      id={p.id}
      value={p.value ?? undefined}
      onChange={(v) => p.onChange?.(v ?? undefined)}
      allowClear
      disabled={p.disabled || !warehouse}
      style={{ width: '100%', ...p.style }}
      options={(warehouse?.locations ?? []).map((l) => ({
        value: l.id,
        label: l.name ? `${l.code} ${l.name}` : l.code,
      }))}
    />
  );
}

/** A catalogue item society `orgId` may stock, searchable by code, name and spec. */
export function ItemPicker({ orgId, ...p }: ControlProps & { orgId?: number }) {
  const t = useT(reliefStockDict);
  const { data, isFetching } = useUsableItems(orgId);
  return (
    <Select<number>
      id={p.id}
      value={p.value ?? undefined}
      onChange={(v) => p.onChange?.(v ?? undefined)}
      allowClear={p.allowClear}
      disabled={p.disabled || orgId === undefined}
      loading={isFetching}
      showSearch
      optionFilterProp="label"
      placeholder={t('chooseItem')}
      popupMatchSelectWidth={false}
      style={{ width: '100%', minWidth: 160, ...p.style }}
      options={(data?.items ?? []).map((i) => ({
        value: i.id,
        label: `${i.code} ${i.name}${i.spec ? `（${i.spec}）` : ''} / ${i.unit}`,
      }))}
    />
  );
}
