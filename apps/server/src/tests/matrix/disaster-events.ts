import { MISSING, create, row, type Ids, type MatrixPart } from './types.ts';

/**
 * 灾害事件 are seen up and down the tree (a county sees its city's typhoon), so the rows aim at an
 * event of 广益街道: 梁溪区 above it sees it; 锡山区 (a sibling) and 崇安寺街道 (a sibling below
 * 梁溪区) do not, and must get exactly the answer a missing event gets.
 */
const E = (i: Ids) => `/api/disaster-events/${i.gyEvent}`;
const M = () => `/api/disaster-events/${MISSING}`;
const sub = (method: string, tail: (i: Ids) => string, body?: (i: Ids) => unknown) =>
  row(
    method,
    (i) => `${E(i)}${tail(i)}`,
    (i) => `${M()}${tail(i)}`,
    body,
  );

export const disasterEventsMatrix: MatrixPart = {
  tables: ['disaster_events', 'disaster_event_needs', 'disaster_event_appeals'],
  rows: {
    'GET /api/disaster-events': {
      kind: 'list',
      req: (i) => ({ method: 'GET', url: `/api/disaster-events?orgId=${i.guangyi}&pageSize=200` }),
      leak: (b, re) => re.test(b),
    },
    'GET /api/disaster-events/export.xlsx': {
      kind: 'list',
      req: (i) => ({ method: 'GET', url: `/api/disaster-events/export.xlsx?orgId=${i.guangyi}` }),
      leak: (b, re) => re.test(b),
    },
    'POST /api/disaster-events': create('POST', '/api/disaster-events', (i) => ({
      orgId: i.liangxi,
      name: '越权事件',
      type: 'flood',
      area: '越权',
      responseLevel: 'IV',
      startsOn: '2026-01-05',
    })),
    'GET /api/disaster-events/:id': row('GET', E, M),
    'PATCH /api/disaster-events/:id': row('PATCH', E, M, () => ({ area: '越权' })),
    'POST /api/disaster-events/:id/close': row('POST', E, M, () => ({ endsOn: '2026-01-06' })),
    'POST /api/disaster-events/:id/needs': sub(
      'POST',
      () => '/needs',
      () => ({ name: '越权', unit: '个', quantity: 1 }),
    ),
    'PATCH /api/disaster-events/:id/needs/:needId': sub(
      'PATCH',
      (i) => `/needs/${i.gyNeed}`,
      () => ({ quantity: 9 }),
    ),
    'DELETE /api/disaster-events/:id/needs/:needId': sub('DELETE', (i) => `/needs/${i.gyNeed}`),
    'GET /api/disaster-events/:id/linkable-appeals': sub('GET', () => '/linkable-appeals'),
    'POST /api/disaster-events/:id/appeals': sub(
      'POST',
      () => '/appeals',
      (i) => ({ appealId: i.lxAppeal }),
    ),
    'DELETE /api/disaster-events/:id/appeals/:appealId': sub('DELETE', (i) => `/appeals/${i.lxAppeal}`),
    'GET /api/public/disaster-events/:id': { kind: 'public' },
  },
  async ids({ h, orgs }) {
    const cookie = await h.login('lx_admin');
    const event = await h.req('POST', '/api/disaster-events', {
      cookie,
      body: {
        orgId: orgs.guangyi,
        name: '广益街道内涝',
        type: 'flood',
        area: '梁溪区广益街道',
        responseLevel: 'IV',
        startsOn: '2026-01-05',
      },
    });
    const gyEvent = event.json().id as number;
    const need = await h.req('POST', `/api/disaster-events/${gyEvent}/needs`, {
      cookie,
      body: { name: '沙袋', unit: '个', quantity: 500 },
    });
    return { gyEvent, gyNeed: need.json().id as number };
  },
};
