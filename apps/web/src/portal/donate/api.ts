import type {
  CreateDonationOrderInput,
  DonationOrderCreated,
  DonationOrderStatus,
  PublicAppeal,
  SandboxPayment,
} from '@boai/contracts';
import { api } from '../../lib/api.ts';

export const donateApi = {
  appeal: (id: number) => api.get<PublicAppeal>(`/api/public/appeals/${id}`),
  create: (body: CreateDonationOrderInput) => api.post<DonationOrderCreated>('/api/public/donations', body),
  status: (orderNo: string, token: string) =>
    api.get<DonationOrderStatus>(`/api/public/donations/${orderNo}`, { token }),
};

export const certificateUrl = (orderNo: string, token: string) =>
  `/api/public/donations/${orderNo}/certificate.pdf?token=${encodeURIComponent(token)}`;

/** The sandbox provider's cashier (it stands where WeChat Pay's page would). */
export const sandboxApi = {
  get: (txnId: string) => api.get<SandboxPayment>(`/sandbox/pay/transactions/${txnId}`),
  pay: (txnId: string) => api.post<SandboxPayment>(`/sandbox/pay/transactions/${txnId}/pay`),
  cancel: (txnId: string) => api.post<SandboxPayment>(`/sandbox/pay/transactions/${txnId}/cancel`),
};

/**
 * The view token is shown once, when the order is made; this browser tab keeps it (and the pay
 * address, to pay again after a cancelled cashier) for the order page. Closing the tab forgets it.
 */
type Kept = { token: string; payUrl: string };
const key = (orderNo: string) => `boai.donate.${orderNo}`;
export const keptOrder = {
  save: (orderNo: string, kept: Kept) => {
    try {
      sessionStorage.setItem(key(orderNo), JSON.stringify(kept));
    } catch {
      /* private mode without storage: the order page will say it cannot show the order */
    }
  },
  load: (orderNo: string): Kept | null => {
    try {
      const raw = sessionStorage.getItem(key(orderNo));
      return raw ? (JSON.parse(raw) as Kept) : null;
    } catch {
      return null;
    }
  },
};
