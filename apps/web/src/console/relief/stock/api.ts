import type {
  AddLocationsInput,
  AwaitingGift,
  BatchDetail,
  BatchSource,
  CreateGiftGoodsInInput,
  CreatePurchaseGoodsInInput,
  CreateReliefItemInput,
  CreateWarehouseInput,
  GoodsInDetail,
  GoodsInNote,
  GoodsInSource,
  ReliefBatch,
  ReliefItem,
  ReliefItemCategory,
  UpdateReliefItemInput,
  UpdateWarehouseInput,
  Warehouse,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../../lib/api.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Paged = { page: number; pageSize: number };

export type ItemFilters = {
  orgId?: number;
  usableBy?: number;
  category?: ReliefItemCategory;
  kind?: 'item' | 'kit';
  active?: 'true' | 'false';
  q?: string;
};
export type WarehouseFilters = { orgId?: number; active?: 'true' | 'false'; q?: string };
export type BatchFilters = {
  orgId?: number;
  warehouseId?: number;
  itemId?: number;
  source?: BatchSource;
  giftId?: number;
  designated?: 'true' | 'false';
  inStock?: 'true' | 'false';
  expiringWithinDays?: number;
  q?: string;
};
export type GoodsInFilters = {
  orgId?: number;
  warehouseId?: number;
  source?: GoodsInSource;
  giftId?: number;
  from?: string;
  to?: string;
};

/** Goods in changes stock, warehouses' totals and gifts: one prefix, so every write refreshes all of them. */
export const RELIEF_STOCK_KEY = ['relief', 'stock'] as const;
export const ITEMS_KEY = [...RELIEF_STOCK_KEY, 'items'] as const;
export const WAREHOUSES_KEY = [...RELIEF_STOCK_KEY, 'warehouses'] as const;
export const BATCHES_KEY = [...RELIEF_STOCK_KEY, 'batches'] as const;
export const GOODS_IN_KEY = [...RELIEF_STOCK_KEY, 'goods-in'] as const;

export const reliefStockApi = {
  items: (q: ItemFilters & Paged) => api.get<Page<ReliefItem>>('/api/relief/items', q as Query),
  createItem: (body: CreateReliefItemInput) => api.post<ReliefItem>('/api/relief/items', body),
  updateItem: (id: number, body: UpdateReliefItemInput) =>
    api.patch<ReliefItem>(`/api/relief/items/${id}`, body),
  itemsExportUrl: (q: ItemFilters) => `/api/relief/items/export.xlsx${queryString(q as Query)}`,

  warehouses: (q: WarehouseFilters & Paged) => api.get<Page<Warehouse>>('/api/relief/warehouses', q as Query),
  createWarehouse: (body: CreateWarehouseInput) => api.post<Warehouse>('/api/relief/warehouses', body),
  updateWarehouse: (id: number, body: UpdateWarehouseInput) =>
    api.patch<Warehouse>(`/api/relief/warehouses/${id}`, body),
  addLocations: (id: number, body: AddLocationsInput) =>
    api.post<Warehouse>(`/api/relief/warehouses/${id}/locations`, body),

  batches: (q: BatchFilters & Paged) => api.get<Page<ReliefBatch>>('/api/relief/batches', q as Query),
  batch: (id: number) => api.get<BatchDetail>(`/api/relief/batches/${id}`),
  batchesExportUrl: (q: BatchFilters) => `/api/relief/batches/export.xlsx${queryString(q as Query)}`,
  batchLabelsUrl: (ids: number[], copies: number) =>
    `/api/relief/batches/labels.pdf${queryString({ batchIds: ids.join(','), copies })}`,

  goodsIn: (q: GoodsInFilters & Paged) => api.get<Page<GoodsInNote>>('/api/relief/goods-in', q as Query),
  goodsInNote: (id: number) => api.get<GoodsInDetail>(`/api/relief/goods-in/${id}`),
  goodsInExportUrl: (q: GoodsInFilters) => `/api/relief/goods-in/export.xlsx${queryString(q as Query)}`,
  goodsInLabelsUrl: (id: number, copies: number) => `/api/relief/goods-in/${id}/labels.pdf?copies=${copies}`,
  awaitingGifts: (q: { orgId?: number; giftId?: number } = {}) =>
    api.get<{ items: AwaitingGift[] }>('/api/relief/goods-in/awaiting-gifts', q),
  receiveGift: (body: CreateGiftGoodsInInput) => api.post<GoodsInDetail>('/api/relief/goods-in/gift', body),
  receivePurchase: (body: CreatePurchaseGoodsInInput) =>
    api.post<GoodsInDetail>('/api/relief/goods-in/purchase', body),
};
