import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
} from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import ReactECharts from 'echarts-for-react/esm/core';
import { TRAINING_SECTOR_LABELS, type Target, type TargetProgress } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { Page } from '../common/Page.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { TRAINING_KEY, trainingApi } from './api.ts';
import { echarts } from './charts.ts';
import { trainingDict } from './dict.ts';

const TARGETS_KEY = [...TRAINING_KEY, 'targets'];
const thisYear = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/** Done against the goal, for a bar (capped at 100 %, the label says the real figure). */
function Bar({ done, goal, id }: { done: number; goal: number | undefined; id?: string }) {
  const t = useT(trainingDict);
  if (!goal) return <span data-progress={id}>{`${done.toLocaleString()}（${t('noTarget')}）`}</span>;
  const pct = (done * 100) / goal;
  return (
    <div data-progress={id}>
      <Progress
        percent={Math.min(100, Math.round(pct * 10) / 10)}
        status={pct >= 100 ? 'success' : 'active'}
        format={() => `${pct.toFixed(1)}%`}
      />
      <small>{`${done.toLocaleString()} / ${goal.toLocaleString()}`}</small>
    </div>
  );
}

type TargetForm = { basis: Target['basis']; population?: number; certified: number; reached: number };

/**
 * 年度目标: a society's year against its targets (certified first aiders, people reached), with each
 * child society's bar, the months and the 五进 sectors. Targets are set here too; a share is typed as
 * a percentage and sent as basis points, the way the server keeps it.
 */
export default function TargetsPage() {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const me = useMe().data;
  const [orgId, setOrgId] = useState<number | undefined>();
  const [year, setYear] = useState(thisYear);
  const [pieOf, setPieOf] = useState<'certified' | 'reached'>('reached');
  const [editing, setEditing] = useState(false);
  const org = orgId ?? me?.orgId;
  const query = useQuery({
    queryKey: [...TARGETS_KEY, org, year],
    queryFn: () => trainingApi.targetProgress({ orgId: org!, year }),
    enabled: !!org,
  });
  const p: TargetProgress | undefined = query.data;
  const share = (bp: number) => bp / 100;

  const monthOption = p && {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('certifiedPeople'), t('reached')] },
    grid: { left: 48, right: 56, bottom: 28, top: 56 },
    xAxis: { type: 'category', data: p.months.map((m) => `${m.month}${t('monthSuffix')}`) },
    yAxis: [
      { type: 'value', name: t('certifiedPeople') },
      { type: 'value', name: t('reached') },
    ],
    series: [
      { name: t('certifiedPeople'), type: 'line', data: p.months.map((m) => m.certified), smooth: true },
      { name: t('reached'), type: 'line', yAxisIndex: 1, data: p.months.map((m) => m.reached), smooth: true },
    ],
  };
  const pieOption = p && {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: p.sectors.map((s) => ({ name: label(TRAINING_SECTOR_LABELS[s.sector]), value: s[pieOf] })),
      },
    ],
  };

  return (
    <Page
      title={t('targetsTitle')}
      extra={[
        <OrgTreeSelect
          key="org"
          id="targets-org"
          value={org}
          onChange={setOrgId}
          style={{ minWidth: 220 }}
        />,
        <Select
          key="year"
          id="targets-year"
          value={year}
          onChange={setYear}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
            value: y,
            label: `${y}`,
          }))}
        />,
        can('training:manage') ? (
          <Button
            key="edit"
            id="edit-target"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            disabled={!p}
          >
            {t('setTarget')}
          </Button>
        ) : null,
        <Button
          key="x"
          icon={<DownloadOutlined />}
          href={org ? trainingApi.targetsXlsxUrl({ orgId: org, year }) : undefined}
          download
        >
          {t('export')}
        </Button>,
      ]}
    >
      {!p ? (
        <Spin style={{ display: 'block', margin: 60 }} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card title={t('certifiedProgress')} size="small">
                <Bar id="certified" done={p.certified} goal={p.target?.certifiedGoal} />
                {p.target?.basis === 'share' && (
                  <small>
                    {t('shareOf', {
                      share: `${share(p.target.certified)}%`,
                      population: p.target.population!.toLocaleString(),
                    })}
                  </small>
                )}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('reachedProgress')} size="small">
                <Bar id="reached" done={p.reached} goal={p.target?.reachedGoal} />
                {p.target?.basis === 'share' && (
                  <small>
                    {t('shareOf', {
                      share: `${share(p.target.reached)}%`,
                      population: p.target.population!.toLocaleString(),
                    })}
                  </small>
                )}
              </Card>
            </Col>
          </Row>
          <Card title={t('byChild')} size="small">
            {p.children.length ? (
              <Table
                id="targets-children"
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={p.children}
                columns={[
                  { title: t('org'), dataIndex: 'orgName', width: 200 },
                  {
                    title: t('certifiedPeople'),
                    render: (_, c) => <Bar done={c.certified} goal={c.target?.certifiedGoal} />,
                  },
                  {
                    title: t('reached'),
                    render: (_, c) => <Bar done={c.reached} goal={c.target?.reachedGoal} />,
                  },
                ]}
              />
            ) : (
              <Empty description={t('noChildren')} />
            )}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title={t('byMonth')} size="small">
                <ReactECharts echarts={echarts} option={monthOption!} style={{ height: 300 }} notMerge />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card
                title={t('bySector')}
                size="small"
                extra={
                  <Segmented
                    size="small"
                    value={pieOf}
                    onChange={(v) => setPieOf(v as typeof pieOf)}
                    options={[
                      { value: 'reached', label: t('reached') },
                      { value: 'certified', label: t('certifiedPeople') },
                    ]}
                  />
                }
              >
                {p.sectors.some((s) => s[pieOf] > 0) ? (
                  <ReactECharts echarts={echarts} option={pieOption!} style={{ height: 300 }} notMerge />
                ) : (
                  <Empty style={{ height: 300, paddingTop: 100 }} description={t('noneYet')} />
                )}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
      <MutationForm<TargetForm>
        open={editing && !!p}
        onClose={() => setEditing(false)}
        title={t('setTargetTitle', { org: p?.orgName ?? '', year: String(year) })}
        invalidate={[TARGETS_KEY]}
        submitId="save-target"
        initialValues={
          p?.target
            ? {
                basis: p.target.basis,
                population: p.target.population ?? undefined,
                certified: p.target.basis === 'share' ? share(p.target.certified) : p.target.certified,
                reached: p.target.basis === 'share' ? share(p.target.reached) : p.target.reached,
              }
            : { basis: 'share', certified: 0.3, reached: 3 }
        }
        submit={(v) =>
          trainingApi.setTarget({
            orgId: p!.orgId,
            year,
            basis: v.basis,
            population: v.population ?? null,
            certified: v.basis === 'share' ? Math.round(v.certified * 100) : v.certified,
            reached: v.basis === 'share' ? Math.round(v.reached * 100) : v.reached,
          })
        }
      >
        <Form.Item name="basis" label={t('basis')} rules={[{ required: true }]}>
          <Select
            id="target-basis"
            options={[
              { value: 'share', label: t('basisShare') },
              { value: 'count', label: t('basisCount') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.basis !== b.basis}>
          {({ getFieldValue }) => {
            const isShare = getFieldValue('basis') === 'share';
            const unit = isShare ? { addonAfter: '%', step: 0.01, max: 100 } : { addonAfter: t('people') };
            return (
              <>
                <Form.Item
                  name="population"
                  label={t('population')}
                  rules={
                    isShare ? [{ required: true, message: tc('required', { field: t('population') }) }] : []
                  }
                >
                  <InputNumber id="target-population" min={1} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="certified" label={t('certifiedTarget')} rules={[{ required: true }]}>
                  <InputNumber id="target-certified" min={0} style={{ width: '100%' }} {...unit} />
                </Form.Item>
                <Form.Item name="reached" label={t('reachedTarget')} rules={[{ required: true }]}>
                  <InputNumber id="target-reached" min={0} style={{ width: '100%' }} {...unit} />
                </Form.Item>
              </>
            );
          }}
        </Form.Item>
      </MutationForm>
    </Page>
  );
}
