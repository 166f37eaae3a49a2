import type { Rescue, ReviewRescueInput } from '@boai/contracts';
import { api, type Query } from '../../lib/api.ts';

export const RESCUES_KEY = ['rescues'] as const;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const rescuesApi = {
  list: (q: Query) => api.get<Page<Rescue>>('/api/rescues', q),
  review: (id: number, body: ReviewRescueInput) => api.post<Rescue>(`/api/rescues/${id}/review`, body),
  commend: (id: number, commendation: string) =>
    api.post<Rescue>(`/api/rescues/${id}/commend`, { commendation }),
};
