import type {
  AppealDisclosure,
  HonourRoll,
  PublicBatch,
  PublicDisclosureOrg,
  PublicDisclosureOrgList,
  PublicLinePage,
} from '@boai/contracts';
import { api } from '../../lib/api.ts';

/** The public disclosure as anyone may read it (no session): published lines only. */
export const publicDisclosureApi = {
  orgs: (page: number) =>
    api.get<PublicDisclosureOrgList>('/api/public/disclosure/orgs', { page, pageSize: 50 }),
  org: (orgId: number, page: number) =>
    api.get<PublicDisclosureOrg>(`/api/public/disclosure/orgs/${orgId}`, { page, pageSize: 10 }),
  batch: (id: number, page: number) =>
    api.get<PublicBatch>(`/api/public/disclosure/batches/${id}`, { page, pageSize: 20 }),
  appeal: (appealId: number, list: 'gift' | 'disbursement', page: number) =>
    api.get<AppealDisclosure>(`/api/public/disclosure/appeals/${appealId}`, { list, page, pageSize: 20 }),
  search: (orgId: number, q: string, page: number) =>
    api.get<PublicLinePage>('/api/public/disclosure/search', { orgId, q, page, pageSize: 20 }),
  honourRoll: (orgId: number, section: 'named' | 'unnamed', page: number) =>
    api.get<HonourRoll>('/api/public/honour-roll', { orgId, section, page, pageSize: 20 }),
};
