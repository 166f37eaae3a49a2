import type {
  CreateAttachmentInput,
  CreateGoodsGiftInput,
  GiftAttachment,
  GiftDetail,
  GiftStockStatus,
} from '@boai/contracts';
import { api } from '../../lib/api.ts';
import { GIFTS_KEY, type GiftPage } from './api.ts';

export type GoodsQuery = {
  page: number;
  pageSize: number;
  orgId?: number;
  appealId?: number;
  stockStatus?: GiftStockStatus;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  receiptNo?: string;
};

/** Goods gifts are gifts: the same key, so recording one refreshes every gift list and total. */
export const giftDetailKey = (id: number) => [...GIFTS_KEY, 'detail', id] as const;

export const goodsApi = {
  list: (query: GoodsQuery) => api.get<GiftPage>('/api/gifts', { ...query, form: 'goods' }),
  get: (id: number) => api.get<GiftDetail>(`/api/gifts/${id}`),
  create: (body: CreateGoodsGiftInput) => api.post<GiftDetail>('/api/gifts/goods', body),
  attach: (giftId: number, body: CreateAttachmentInput) =>
    api.post<GiftAttachment>(`/api/gifts/${giftId}/attachments`, body),
};

export const attachmentUrl = (giftId: number, attachmentId: number) =>
  `/api/gifts/${giftId}/attachments/${attachmentId}`;
