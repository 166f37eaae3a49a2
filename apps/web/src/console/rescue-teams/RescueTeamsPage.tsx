import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { AssessmentPanel } from './AssessmentPanel.tsx';
import { rescueTeamDict } from './dict.ts';
import { HoursReport } from './HoursReport.tsx';
import { RosterWeek } from './RosterWeek.tsx';
import { TeamDetail } from './TeamDetail.tsx';
import { TeamList } from './TeamList.tsx';

/**
 * 救援队: one menu entry. The address says what is shown, so a team or a tab can be linked and the
 * back button works: `?team=<id>&tab=…` is a team's page, `?view=roster|hours|assessment` the
 * views across teams, nothing the team list.
 */
export default function RescueTeamsPage() {
  const t = useT(rescueTeamDict);
  const [params, setParams] = useSearchParams();
  const teamId = Number(params.get('team')) || null;
  if (teamId)
    return (
      <TeamDetail
        id={teamId}
        tab={params.get('tab') ?? 'members'}
        onTab={(tab) => setParams({ team: String(teamId), tab })}
        onBack={() => setParams({})}
      />
    );
  const view = params.get('view') ?? 'teams';
  return (
    <Page title={t('title')}>
      <Tabs
        activeKey={view}
        onChange={(v) => setParams(v === 'teams' ? {} : { view: v })}
        destroyOnHidden
        items={[
          {
            key: 'teams',
            label: t('teams'),
            children: <TeamList onOpen={(id) => setParams({ team: String(id) })} />,
          },
          { key: 'roster', label: t('rosterView'), children: <RosterWeek /> },
          { key: 'hours', label: t('hoursView'), children: <HoursReport /> },
          { key: 'assessment', label: t('assessmentView'), children: <AssessmentPanel /> },
        ]}
      />
    </Page>
  );
}
