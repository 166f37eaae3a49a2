import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  RESCUE_ASSESSMENT_GRADE_LABELS,
  RESCUE_ASSESSMENT_STATUS_LABELS,
  type RescueAssessment,
  type RescueTeam,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { MutationForm } from '../common/MutationForm.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { GRADE_COLORS } from './AssessmentPanel.tsx';
import { rescueTeamDict } from './dict.ts';
import { recentYears } from './HoursReport.tsx';

/** A team's yearly assessments, each with its scores; 考核评分 opens the scoring form. */
export function AssessmentTab({ team }: { team: RescueTeam }) {
  const t = useT(rescueTeamDict);
  const label = useLabel();
  const manage = useCan()('relief:manage');
  const [scoring, setScoring] = useState(false);
  const { data } = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'team-assessments', team.id],
    queryFn: () => rescueTeamApi.teamAssessments(team.id),
  });
  return (
    <>
      {manage && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => setScoring(true)}
          style={{ marginBottom: 12 }}
        >
          {t('assess')}
        </Button>
      )}
      {data && !data.length && <Empty description={t('noAssessments')} />}
      {data?.map((a) => (
        <Card
          key={a.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${a.year}${t('yearSuffix')} · ${a.assessorOrgName}`}
          extra={
            <Space>
              <Tag>{label(RESCUE_ASSESSMENT_STATUS_LABELS[a.status])}</Tag>
              {a.grade && (
                <Tag color={GRADE_COLORS[a.grade]}>{label(RESCUE_ASSESSMENT_GRADE_LABELS[a.grade])}</Tag>
              )}
            </Space>
          }
        >
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('total')}>
              {a.total} / {a.maxTotal}
            </Descriptions.Item>
            <Descriptions.Item label={t('share')}>
              {a.maxTotal ? `${Math.round((a.total * 1000) / a.maxTotal) / 10}%` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('scoredOf', { n: a.scoredCount, m: a.scores.length })}>
              {a.finalizedBy ?? ''}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="criterionId"
            pagination={false}
            dataSource={a.scores}
            columns={[
              { title: t('criterion'), dataIndex: 'name' },
              { title: t('maxScore'), dataIndex: 'maxScore', align: 'right' },
              { title: t('score'), dataIndex: 'score', align: 'right' },
              { title: t('notes'), dataIndex: 'note' },
            ]}
          />
          {a.comment && <p style={{ marginTop: 8 }}>{a.comment}</p>}
        </Card>
      ))}
      <ScoreForm team={team} existing={data ?? []} open={scoring} onClose={() => setScoring(false)} />
    </>
  );
}

type Values = { scores: Record<string, number | null>; comment?: string; finalize: boolean };

/**
 * 考核评分: pick the year and the assessing society (the team's own or one above); its criteria for that
 * year appear with their maxima. Scores may be saved as a draft; 完成考核 needs all of them.
 */
function ScoreForm({
  team,
  existing,
  open,
  onClose,
}: {
  team: RescueTeam;
  existing: RescueAssessment[];
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(rescueTeamDict);
  // Opens on last year (assessed at year end) unless that is completed, then on this year.
  const [chosen, setYear] = useState<number | undefined>();
  const [thisYear, lastYear] = recentYears() as [number, number];
  const year =
    chosen ?? (existing.find((a) => a.year === lastYear)?.status === 'final' ? thisYear : lastYear);
  const prior = existing.find((a) => a.year === year);
  const [assessor, setAssessor] = useState<number | undefined>();
  const orgId = prior?.assessorOrgId ?? assessor ?? team.orgId;
  const criteria = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'criteria', orgId, year],
    queryFn: () => rescueTeamApi.criteria({ orgId, year }),
    enabled: open,
  });
  const scored = new Map(prior?.scores.map((s) => [s.criterionId, s.score]) ?? []);
  return (
    <MutationForm<Values>
      kind="drawer"
      width={600}
      key={`${year}-${orgId}-${criteria.data?.criteria.length ?? 0}`}
      title={t('assessTitle', { team: team.name, year: String(year) })}
      open={open}
      onClose={onClose}
      readOnly={prior?.status === 'final'}
      submitId="rescue-assessment-save"
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={{
        scores: Object.fromEntries(
          (criteria.data?.criteria ?? []).map((c) => [String(c.id), scored.get(c.id) ?? null]),
        ),
        comment: prior?.comment ?? undefined,
        finalize: false,
      }}
      submit={(v) =>
        rescueTeamApi.saveAssessment(team.id, year, {
          assessorOrgId: orgId,
          scores: Object.entries(v.scores ?? {})
            .filter(([, s]) => s !== null && s !== undefined)
            .map(([id, s]) => ({ criterionId: Number(id), score: s! })),
          comment: v.comment || null,
          finalize: v.finalize,
        })
      }
    >
      <Space wrap>
        <Form.Item label={t('year')}>
          <Select
            value={year}
            onChange={setYear}
            disabled={false}
            options={recentYears().map((y) => ({ value: y, label: `${y}${t('yearSuffix')}` }))}
          />
        </Form.Item>
        <Form.Item label={t('assessor')}>
          <OrgTreeSelect value={orgId} onChange={setAssessor} disabled={!!prior} style={{ minWidth: 220 }} />
        </Form.Item>
      </Space>
      {criteria.data && !criteria.data.criteria.length && <Empty description={t('criteriaEmpty')} />}
      {criteria.data?.criteria.map((c) => (
        <Form.Item
          key={c.id}
          name={['scores', String(c.id)]}
          label={`${c.sortOrder}. ${c.name}（${t('maxScore')} ${c.maxScore}）`}
          rules={[{ type: 'integer', min: 0, max: c.maxScore, message: `0–${c.maxScore}` }]}
        >
          <InputNumber min={0} max={c.maxScore} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('comment')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="finalize" label={t('finalize')} extra={t('finalizeHint')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </MutationForm>
  );
}
