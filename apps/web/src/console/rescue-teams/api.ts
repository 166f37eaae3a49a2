import type {
  CreateRescueEquipmentInput,
  CreateRescueMemberInput,
  CreateRescueTeamInput,
  DutyRosterWeek,
  DutyShift,
  DutyShiftInput,
  RescueAssessment,
  RescueAssessmentRow,
  RescueCriteriaSet,
  RescueDeployment,
  RescueDeploymentInput,
  RescueDrill,
  RescueDrillInput,
  RescueEquipment,
  RescueMember,
  RescueTeam,
  RescueTeamDetail,
  RescueTeamHoursRow,
  SaveRescueAssessmentInput,
  SetRescueCriteriaInput,
  UpdateRescueEquipmentInput,
  UpdateRescueMemberInput,
  UpdateRescueTeamInput,
} from '@boai/contracts';
import { api, queryString, request, type Query } from '../../lib/api.ts';

/** Every rescue-team query starts with this key, so a write refreshes every view of the teams. */
export const RESCUE_TEAMS_KEY = ['rescue-teams'] as const;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const base = '/api/rescue-teams';
const team = (id: number) => `${base}/${id}`;

export const rescueTeamApi = {
  list: (q: Query) => api.get<Page<RescueTeam>>(base, q),
  exportUrl: (q: Query) => `${base}/export.xlsx${queryString(q)}`,
  detail: (id: number) => api.get<RescueTeamDetail>(team(id)),
  create: (body: CreateRescueTeamInput) => api.post<RescueTeam>(base, body),
  update: (id: number, body: UpdateRescueTeamInput) => api.patch<RescueTeam>(team(id), body),

  members: (id: number, q: Query = {}) => api.get<RescueMember[]>(`${team(id)}/members`, q),
  membersXlsxUrl: (id: number, q: Query = {}) => `${team(id)}/members.xlsx${queryString(q)}`,
  addMember: (id: number, body: CreateRescueMemberInput) =>
    api.post<RescueMember>(`${team(id)}/members`, body),
  updateMember: (id: number, memberId: number, body: UpdateRescueMemberInput) =>
    api.patch<RescueMember>(`${team(id)}/members/${memberId}`, body),

  equipment: (id: number) => api.get<RescueEquipment[]>(`${team(id)}/equipment`),
  equipmentXlsxUrl: (id: number) => `${team(id)}/equipment.xlsx`,
  addEquipment: (id: number, body: CreateRescueEquipmentInput) =>
    api.post<RescueEquipment>(`${team(id)}/equipment`, body),
  updateEquipment: (id: number, itemId: number, body: UpdateRescueEquipmentInput) =>
    api.patch<RescueEquipment>(`${team(id)}/equipment/${itemId}`, body),

  roster: (q: Query) => api.get<DutyRosterWeek>(`${base}/roster`, q),
  rosterXlsxUrl: (q: Query) => `${base}/roster.xlsx${queryString(q)}`,
  addShift: (id: number, body: DutyShiftInput) => api.post<DutyShift>(`${team(id)}/shifts`, body),
  updateShift: (id: number, shiftId: number, body: DutyShiftInput) =>
    api.put<DutyShift>(`${team(id)}/shifts/${shiftId}`, body),
  deleteShift: (id: number, shiftId: number) =>
    request<{ deleted: true }>('DELETE', `${team(id)}/shifts/${shiftId}`),

  deployments: (q: Query) => api.get<Page<RescueDeployment>>(`${base}/deployments`, q),
  deploymentsXlsxUrl: (q: Query) => `${base}/deployments.xlsx${queryString(q)}`,
  addDeployment: (id: number, body: RescueDeploymentInput) =>
    api.post<RescueDeployment>(`${team(id)}/deployments`, body),
  updateDeployment: (id: number, deploymentId: number, body: RescueDeploymentInput) =>
    api.put<RescueDeployment>(`${team(id)}/deployments/${deploymentId}`, body),

  drills: (id: number) => api.get<RescueDrill[]>(`${team(id)}/drills`),
  addDrill: (id: number, body: RescueDrillInput) => api.post<RescueDrill>(`${team(id)}/drills`, body),

  hours: (q: Query) => api.get<RescueTeamHoursRow[]>(`${base}/hours`, q),
  hoursXlsxUrl: (q: Query) => `${base}/hours.xlsx${queryString(q)}`,

  criteria: (q: { orgId: number; year: number }) => api.get<RescueCriteriaSet>(`${base}/criteria`, q),
  setCriteria: (body: SetRescueCriteriaInput) => api.put<RescueCriteriaSet>(`${base}/criteria`, body),
  assessments: (q: Query) => api.get<Page<RescueAssessmentRow>>(`${base}/assessments`, q),
  assessmentsXlsxUrl: (q: Query) => `${base}/assessments.xlsx${queryString(q)}`,
  teamAssessments: (id: number) => api.get<RescueAssessment[]>(`${team(id)}/assessments`),
  saveAssessment: (id: number, year: number, body: SaveRescueAssessmentInput) =>
    api.put<RescueAssessment>(`${team(id)}/assessments/${year}`, body),
};
