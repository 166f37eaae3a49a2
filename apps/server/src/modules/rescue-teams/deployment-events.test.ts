import { describe, expect, it } from 'vitest';
import { ago, get, h, lx, newTeam, ok, post, put, today, useRescueTeamHarness, wx, xs } from './testing.ts';

useRescueTeamHarness();

const MISSING = 2_000_000_000;
type Deployment = {
  id: number;
  teamId: number;
  eventId: number | null;
  eventName: string;
  totalHours: number;
};

const deployment = (memberId: number, over: Record<string, unknown> = {}) => ({
  eventId: null,
  eventName: '按名称登记的出队',
  startedOn: ago(3),
  endedOn: ago(2),
  location: '无锡市梁溪区清名桥街道',
  summary: null,
  members: [{ memberId, hours: 12 }],
  ...over,
});

/** A disaster event opened by `cookie`'s society (or `orgId`), closed when asked. */
async function newEvent(cookie: string, orgId: number, close = false) {
  const event = ok(
    await post(
      '/api/disaster-events',
      {
        orgId,
        name: `测试事件${Math.random().toString(36).slice(2, 8)}`,
        type: 'flood',
        area: '测试区',
        responseLevel: 'IV',
        startsOn: ago(20),
      },
      cookie,
    ),
  );
  if (close) ok(await post(`/api/disaster-events/${event.id}/close`, { endsOn: ago(5) }, cookie));
  return event as { id: number; name: string };
}

const byEvent = async (eventId: number, cookie?: string) =>
  ok(await get(`/api/rescue-teams/deployments?eventId=${eventId}&pageSize=200`, cookie))
    .items as Deployment[];

describe('deployments for a disaster event', () => {
  it("records a county team under its city's typhoon, with the event's own name, and lists it on the event", async () => {
    const typhoon = h.seed.disasterEvents!.typhoon!;
    const { name: typhoonName } = ok(await get(`/api/disaster-events/${typhoon}`));
    const { team, members } = await newTeam(1);
    const dep = ok(
      await post(
        `/api/rescue-teams/${team.id}/deployments`,
        deployment(members[0]!.id, { eventId: typhoon, eventName: '海葵台风' }),
      ),
    ) as Deployment;
    expect(dep).toMatchObject({ eventId: typhoon, eventName: typhoonName });

    // The event page's part: 梁溪区 sees its teams there (the demo's relief team too); 锡山区 only its own.
    const listed = await byEvent(typhoon);
    expect(listed.map((d) => d.id)).toContain(dep.id);
    expect(listed.every((d) => d.eventId === typhoon && d.eventName === typhoonName)).toBe(true);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const seenBySibling = await byEvent(typhoon, xs);
    expect(seenBySibling.length).toBe(1);
    expect(seenBySibling.map((d) => d.id)).not.toContain(dep.id);
  });

  it("refuses a sibling's event exactly as a missing one: NOT_FOUND on eventId", async () => {
    const { team, members } = await newTeam(1);
    const siblings = await newEvent(xs, h.seed.orgs.xishan!);
    const url = `/api/rescue-teams/${team.id}/deployments`;
    const sibling = await post(url, deployment(members[0]!.id, { eventId: siblings.id }));
    const missing = await post(url, deployment(members[0]!.id, { eventId: MISSING }));
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().fields).toMatchObject([{ field: 'eventId', code: 'NOT_FOUND' }]);
    expect(sibling.body).toBe(missing.body);
    expect(ok(await get(`/api/rescue-teams/deployments?teamId=${team.id}`)).total).toBe(0);

    // The same on a correction of a deployment recorded by name.
    const dep = ok(await post(url, deployment(members[0]!.id))) as Deployment;
    const fix = await put(`${url}/${dep.id}`, deployment(members[0]!.id, { eventId: siblings.id }));
    expect(fix.statusCode).toBe(400);
    expect(fix.json().fields[0]).toMatchObject({ field: 'eventId', code: 'NOT_FOUND' });
    expect(await byEvent(siblings.id, xs)).toEqual([]);
  });

  it('refuses, for a city user who sees both, an event outside the team’s line of the tree', async () => {
    const { team, members } = await newTeam(1);
    const xishanEvent = await newEvent(xs, h.seed.orgs.xishan!);
    const res = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment(members[0]!.id, { eventId: xishanEvent.id }),
      wx,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'eventId', code: 'DISASTER_EVENT_OUT_OF_TREE' });
  });

  it('accepts a closed event (teams are often logged after the response ends) and a correction back to a name', async () => {
    const { team, members } = await newTeam(1);
    const closed = await newEvent(lx, team.orgId, true);
    const url = `/api/rescue-teams/${team.id}/deployments`;
    const dep = ok(
      await post(url, deployment(members[0]!.id, { eventId: closed.id, eventName: '随便写的名称' })),
    ) as Deployment;
    expect(dep).toMatchObject({ eventId: closed.id, eventName: closed.name });
    expect((await byEvent(closed.id)).map((d) => d.id)).toEqual([dep.id]);

    const unlinked = ok(
      await put(`${url}/${dep.id}`, deployment(members[0]!.id, { endedOn: today, eventName: '河道清障' })),
    ) as Deployment;
    expect(unlinked).toMatchObject({ eventId: null, eventName: '河道清障' });
    expect(await byEvent(closed.id)).toEqual([]);
  });
});
