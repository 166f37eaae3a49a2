import type { MyGiftsCodeSent, MyGiftsList, MyGiftsLookupResult, MyGiftsSession } from '@boai/contracts';
import { api } from '../../lib/api.ts';

export const MY_GIFTS_KEY = ['my-gifts'] as const;

export const myGiftsApi = {
  list: () => api.get<MyGiftsList>('/api/public/my-gifts'),
  lookup: (body: { receiptNo: string; phoneLast4: string }) =>
    api.post<MyGiftsLookupResult>('/api/public/my-gifts/lookup', body),
  sendCode: (mobile: string) => api.post<MyGiftsCodeSent>('/api/public/my-gifts/code', { mobile }),
  login: (body: { mobile: string; code: string }) =>
    api.post<MyGiftsSession>('/api/public/my-gifts/login', body),
  logout: () => api.post<{ ok: true }>('/api/public/my-gifts/logout'),
};

/** The PDF of a gift: the session cookie goes along by itself; a lookup adds its short-lived token. */
export const documentUrl = (giftId: number, what: 'certificate' | 'receipt', token?: string) =>
  `/api/public/my-gifts/${giftId}/${what}.pdf${token ? `?token=${encodeURIComponent(token)}` : ''}`;
