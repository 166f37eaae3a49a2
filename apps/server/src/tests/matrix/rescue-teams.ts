import { MISSING, create, list, row, type Ids, type MatrixPart } from './types.ts';

const T = (i: Ids) => `/api/rescue-teams/${i.lxRescueTeam}`;
const M = () => `/api/rescue-teams/${MISSING}`;
const shiftBody = (i: Ids) => ({
  dutyDate: '2026-01-05',
  allDay: true,
  standbyLevel: 'level3',
  memberIds: [i.lxRescueMember],
});
const deploymentBody = (i: Ids) => ({
  eventName: '越权',
  startedOn: '2026-01-05',
  endedOn: '2026-01-05',
  location: '越权',
  members: [{ memberId: i.lxRescueMember, hours: 1 }],
});
const sub = (method: string, tail: string, body?: (i: Ids) => unknown) =>
  row(
    method,
    (i) => `${T(i)}${tail}`,
    () => `${M()}${tail}`,
    body,
  );
const child = (method: string, tail: string, id: string, body?: (i: Ids) => unknown) =>
  row(
    method,
    (i) => `${T(i)}${tail}/${i[id]}`,
    () => `${M()}${tail}/1`,
    body,
  );

/** 救援队: 梁溪区's demo relief team and its members, kit, roster and deployments. */
export const rescueTeamsMatrix: MatrixPart = {
  tables: [
    'rescue_teams',
    'rescue_team_members',
    'rescue_member_certificates',
    'rescue_team_equipment',
    'rescue_duty_shifts',
    'rescue_duty_assignments',
    'rescue_deployments',
    'rescue_deployment_members',
    'rescue_drills',
    'rescue_drill_participants',
    'rescue_assessment_criteria',
    'rescue_assessments',
    'rescue_assessment_scores',
  ],
  rows: {
    'GET /api/rescue-teams': list('/api/rescue-teams?pageSize=200'),
    'GET /api/rescue-teams/export.xlsx': list('/api/rescue-teams/export.xlsx'),
    'POST /api/rescue-teams': create('POST', '/api/rescue-teams', (i) => ({
      orgId: i.liangxi,
      name: '越权队',
      type: 'relief',
      foundedOn: '2020-01-01',
      leaderName: '越权',
      contactPhone: '13900000000',
      baseAddress: '越权',
    })),
    'GET /api/rescue-teams/:id': row('GET', T, M),
    'PATCH /api/rescue-teams/:id': row('PATCH', T, M, () => ({ baseAddress: '越权' })),
    'GET /api/rescue-teams/:id/members': sub('GET', '/members'),
    'GET /api/rescue-teams/:id/members.xlsx': sub('GET', '/members.xlsx'),
    'POST /api/rescue-teams/:id/members': sub('POST', '/members', () => ({
      name: '越权',
      gender: 'male',
      phone: '13900000000',
      role: 'member',
      joinedOn: '2025-01-01',
    })),
    'PATCH /api/rescue-teams/:id/members/:childId': child('PATCH', '/members', 'lxRescueMember', () => ({
      name: '越权',
    })),
    'GET /api/rescue-teams/:id/equipment': sub('GET', '/equipment'),
    'GET /api/rescue-teams/:id/equipment.xlsx': sub('GET', '/equipment.xlsx'),
    'POST /api/rescue-teams/:id/equipment': sub('POST', '/equipment', () => ({
      name: '越权',
      quantity: 1,
      condition: 'good',
    })),
    'PATCH /api/rescue-teams/:id/equipment/:childId': child(
      'PATCH',
      '/equipment',
      'lxRescueEquipment',
      () => ({
        quantity: 9,
      }),
    ),
    'GET /api/rescue-teams/roster': list('/api/rescue-teams/roster'),
    'GET /api/rescue-teams/roster.xlsx': list('/api/rescue-teams/roster.xlsx'),
    'POST /api/rescue-teams/:id/shifts': sub('POST', '/shifts', shiftBody),
    'PUT /api/rescue-teams/:id/shifts/:childId': child('PUT', '/shifts', 'lxRescueShift', shiftBody),
    'DELETE /api/rescue-teams/:id/shifts/:childId': child('DELETE', '/shifts', 'lxRescueShift'),
    'GET /api/rescue-teams/deployments': list('/api/rescue-teams/deployments?pageSize=200'),
    'GET /api/rescue-teams/deployments.xlsx': list('/api/rescue-teams/deployments.xlsx'),
    'POST /api/rescue-teams/:id/deployments': sub('POST', '/deployments', deploymentBody),
    'PUT /api/rescue-teams/:id/deployments/:childId': child(
      'PUT',
      '/deployments',
      'lxRescueDeployment',
      deploymentBody,
    ),
    'GET /api/rescue-teams/:id/drills': sub('GET', '/drills'),
    'POST /api/rescue-teams/:id/drills': sub('POST', '/drills', (i) => ({
      heldOn: '2026-01-05',
      subject: '越权',
      hours: 1,
      memberIds: [i.lxRescueMember],
    })),
    'GET /api/rescue-teams/hours': list('/api/rescue-teams/hours?year=2026'),
    'GET /api/rescue-teams/hours.xlsx': list('/api/rescue-teams/hours.xlsx?year=2026'),
    // Criteria are a society's own: reading or setting another society's is refused.
    'GET /api/rescue-teams/criteria': row(
      'GET',
      (i) => `/api/rescue-teams/criteria?orgId=${i.liangxi}&year=2026`,
      () => `/api/rescue-teams/criteria?orgId=${MISSING}&year=2026`,
    ),
    'PUT /api/rescue-teams/criteria': create('PUT', '/api/rescue-teams/criteria', (i) => ({
      orgId: i.liangxi,
      year: 2026,
      criteria: [{ name: '越权', maxScore: 10 }],
    })),
    'GET /api/rescue-teams/assessments': list('/api/rescue-teams/assessments?year=2025&pageSize=200'),
    'GET /api/rescue-teams/assessments.xlsx': list('/api/rescue-teams/assessments.xlsx?year=2025'),
    'GET /api/rescue-teams/:id/assessments': sub('GET', '/assessments'),
    'PUT /api/rescue-teams/:id/assessments/:year': row(
      'PUT',
      (i) => `${T(i)}/assessments/2025`,
      () => `${M()}/assessments/2025`,
      (i) => ({ assessorOrgId: i.liangxi, scores: [] }),
    ),
  },
  async ids({ get }) {
    const lxRescueTeam = (await get(`/api/rescue-teams?q=${encodeURIComponent('梁溪区红十字赈济救援队')}`))
      .items[0].id;
    return {
      lxRescueTeam,
      lxRescueMember: (await get(`/api/rescue-teams/${lxRescueTeam}/members`))[0].id,
      lxRescueEquipment: (await get(`/api/rescue-teams/${lxRescueTeam}/equipment`))[0].id,
      lxRescueShift: (await get(`/api/rescue-teams/roster?teamId=${lxRescueTeam}`)).shifts[0].id,
      lxRescueDeployment: (await get(`/api/rescue-teams/deployments?teamId=${lxRescueTeam}`)).items[0].id,
    };
  },
};
