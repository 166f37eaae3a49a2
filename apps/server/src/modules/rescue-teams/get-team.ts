import type { RescueTeamDetail } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentTeams, requireTeam, teamYearTotals } from './repository.ts';

/** One team with its deployments and drills totalled per year, newest year first. */
export async function getTeam(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  id: number,
): Promise<RescueTeamDetail> {
  const row = await requireTeam(q, actor, 'relief:read', id);
  const [team] = await presentTeams(q, pii, [row]);
  const years = (await teamYearTotals(q, [id])).map(({ teamId: _t, ...y }) => y);
  return { ...team!, years };
}
