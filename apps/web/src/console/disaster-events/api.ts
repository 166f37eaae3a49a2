import type {
  CloseDisasterEventInput,
  CreateDisasterEventInput,
  CreateDisasterNeedInput,
  DisasterAppeal,
  DisasterEvent,
  DisasterEventDetail,
  DisasterNeed,
  EventReliefFlow,
  LinkableAppeal,
  RescueDeployment,
  UpdateDisasterEventInput,
  UpdateDisasterNeedInput,
} from '@boai/contracts';
import { api, queryString, request, type Query } from '../../lib/api.ts';

export const EVENTS_KEY = ['disaster-events'] as const;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const eventApi = {
  list: (q: Query) => api.get<Page<DisasterEvent>>('/api/disaster-events', q),
  detail: (id: number) => api.get<DisasterEventDetail>(`/api/disaster-events/${id}`),
  create: (body: CreateDisasterEventInput) => api.post<DisasterEvent>('/api/disaster-events', body),
  update: (id: number, body: UpdateDisasterEventInput) =>
    api.patch<DisasterEvent>(`/api/disaster-events/${id}`, body),
  close: (id: number, body: CloseDisasterEventInput) =>
    api.post<DisasterEvent>(`/api/disaster-events/${id}/close`, body),
  addNeed: (id: number, body: CreateDisasterNeedInput) =>
    api.post<DisasterNeed>(`/api/disaster-events/${id}/needs`, body),
  updateNeed: (id: number, needId: number, body: UpdateDisasterNeedInput) =>
    api.patch<DisasterNeed>(`/api/disaster-events/${id}/needs/${needId}`, body),
  removeNeed: (id: number, needId: number) =>
    request<{ id: number }>('DELETE', `/api/disaster-events/${id}/needs/${needId}`),
  linkable: (id: number) => api.get<LinkableAppeal[]>(`/api/disaster-events/${id}/linkable-appeals`),
  linkAppeal: (id: number, appealId: number) =>
    api.post<DisasterAppeal>(`/api/disaster-events/${id}/appeals`, { appealId }),
  unlinkAppeal: (id: number, appealId: number) =>
    request<{ appealId: number }>('DELETE', `/api/disaster-events/${id}/appeals/${appealId}`),
  exportUrl: (q: Query) => `/api/disaster-events/export.xlsx${queryString(q)}`,
  /** What relief sent to the event (the reports part of relief). */
  flow: (id: number) => api.get<EventReliefFlow>(`/api/relief/events/${id}/flow`),
  /** Rescue teams sent to the event (救援队出动), from the rescue-teams module. */
  deployments: (id: number) =>
    api.get<Page<RescueDeployment>>('/api/rescue-teams/deployments', { eventId: id, pageSize: 200 }),
};
