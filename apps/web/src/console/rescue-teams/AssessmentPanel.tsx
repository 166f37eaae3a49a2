import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, InputNumber, Select, Space, Tabs, Tag } from 'antd';
import { CopyOutlined, DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  RESCUE_ASSESSMENT_GRADE_LABELS,
  RESCUE_ASSESSMENT_GRADES,
  RESCUE_ASSESSMENT_STATUS_LABELS,
  RESCUE_TEAM_TYPE_LABELS,
  type RescueAssessmentRow,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { recentYears } from './HoursReport.tsx';

export const GRADE_COLORS = { excellent: 'green', good: 'blue', pass: 'orange', fail: 'red' } as const;

/** 考核评估 across teams: the year's results, and the settings page of a society's criteria. */
export function AssessmentPanel() {
  const t = useT(rescueTeamDict);
  return (
    <Tabs
      items={[
        { key: 'results', label: t('results'), children: <Results /> },
        { key: 'criteria', label: t('criteriaTitle'), children: <CriteriaSettings /> },
      ]}
    />
  );
}

const toParams = (v: SearchValues) => ({
  year: typeof v.year === 'string' && v.year ? Number(v.year) : recentYears()[1]!,
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  grade: typeof v.grade === 'string' && v.grade ? v.grade : undefined,
});

function Results() {
  const t = useT(rescueTeamDict);
  const label = useLabel();
  const [, setParams] = useSearchParams();
  const columns: ProColumns<RescueAssessmentRow>[] = [
    {
      title: t('year'),
      dataIndex: 'year',
      hideInTable: true,
      valueType: 'select',
      initialValue: String(recentYears()[1]),
      valueEnum: Object.fromEntries(recentYears().map((y) => [String(y), { text: String(y) }])),
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('name'),
      dataIndex: 'teamName',
      search: false,
      render: (_, r) => (
        <a onClick={() => setParams({ team: String(r.teamId), tab: 'assessment' })}>{r.teamName}</a>
      ),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('type'),
      dataIndex: 'type',
      search: false,
      render: (_, r) => label(RESCUE_TEAM_TYPE_LABELS[r.type]),
    },
    { title: t('assessor'), dataIndex: ['assessment', 'assessorOrgName'], search: false },
    {
      title: t('status'),
      dataIndex: ['assessment', 'status'],
      search: false,
      render: (_, r) =>
        r.assessment ? (
          label(RESCUE_ASSESSMENT_STATUS_LABELS[r.assessment.status])
        ) : (
          <Tag>{t('notAssessed')}</Tag>
        ),
    },
    {
      title: t('total'),
      dataIndex: ['assessment', 'total'],
      search: false,
      align: 'right',
      render: (_, r) => (r.assessment ? `${r.assessment.total} / ${r.assessment.maxTotal}` : ''),
    },
    {
      title: t('grade'),
      dataIndex: 'grade',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RESCUE_ASSESSMENT_GRADES.map((g) => [g, { text: label(RESCUE_ASSESSMENT_GRADE_LABELS[g]) }]),
      ),
      render: (_, r) =>
        r.assessment?.grade ? (
          <Tag color={GRADE_COLORS[r.assessment.grade]}>
            {label(RESCUE_ASSESSMENT_GRADE_LABELS[r.assessment.grade])}
          </Tag>
        ) : null,
    },
  ];
  return (
    <QueryTable<RescueAssessmentRow, ReturnType<typeof toParams>>
      queryKey={[...RESCUE_TEAMS_KEY, 'assessments']}
      fetch={(p) => rescueTeamApi.assessments(p)}
      toParams={toParams}
      columns={columns}
      rowKey="teamId"
      toolBarRender={(p) => [
        <Button key="x" icon={<DownloadOutlined />} href={rescueTeamApi.assessmentsXlsxUrl(p)} download>
          {t('export')}
        </Button>,
      ]}
    />
  );
}

type CriteriaValues = { criteria: { name: string; maxScore: number }[] };

/** 考核标准设置: a society's criteria for a year, edited as one list; fixed once teams were scored. */
function CriteriaSettings() {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const run = useSubmit();
  const manage = useCan()('relief:manage');
  const me = useMe().data;
  const [orgId, setOrgId] = useState<number | undefined>();
  const [year, setYear] = useState(recentYears()[0]!);
  const org = orgId ?? me?.orgId;
  const key = [...RESCUE_TEAMS_KEY, 'criteria', org, year];
  const { data: set } = useQuery({
    queryKey: key,
    queryFn: () => rescueTeamApi.criteria({ orgId: org!, year }),
    enabled: !!org,
  });
  const [form] = Form.useForm<CriteriaValues>();
  const copyLastYear = async () => {
    const last = await rescueTeamApi.criteria({ orgId: org!, year: year - 1 });
    form.setFieldsValue({ criteria: last.criteria.map(({ name, maxScore }) => ({ name, maxScore })) });
  };
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  const readOnly = !manage || !!set?.locked;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <OrgTreeSelect value={org} onChange={setOrgId} style={{ minWidth: 220 }} />
        <Select
          value={year}
          onChange={setYear}
          options={[recentYears()[0]! + 1, ...recentYears()].map((y) => ({
            value: y,
            label: `${y}${t('yearSuffix')}`,
          }))}
        />
      </Space>
      {set && (
        <Form<CriteriaValues>
          key={`${org}-${year}-${set.criteria.length}-${set.locked}`}
          form={form}
          layout="vertical"
          disabled={readOnly}
          initialValues={{ criteria: set.criteria.map(({ name, maxScore }) => ({ name, maxScore })) }}
          onFinish={(v) =>
            run(() => rescueTeamApi.setCriteria({ orgId: org!, year, criteria: v.criteria ?? [] }), {
              form,
              invalidate: [key],
              success: tc('saved'),
            })
          }
          style={{ maxWidth: 640 }}
        >
          <h3>{t('criteriaOf', { org: set.orgName, year: String(year) })}</h3>
          {set.locked && (
            <Alert type="info" showIcon message={t('criteriaLocked')} style={{ marginBottom: 12 }} />
          )}
          {!set.criteria.length && <Empty description={t('criteriaEmpty')} />}
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <span style={{ width: 24 }}>{i + 1}.</span>
                    <Form.Item name={[f.name, 'name']} rules={req(t('criterion'))}>
                      <Input placeholder={t('criterion')} maxLength={50} style={{ width: 280 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'maxScore']} rules={req(t('maxScore'))}>
                      <InputNumber placeholder={t('maxScore')} min={1} max={1000} precision={0} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Space wrap>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('addCriterion')}
                  </Button>
                  <Button icon={<CopyOutlined />} onClick={() => void copyLastYear()}>
                    {t('copyLastYear')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
          <Form.Item noStyle shouldUpdate>
            {() => (
              <p style={{ marginTop: 12 }}>
                {t('maxScore')}：
                {(form.getFieldValue('criteria') as CriteriaValues['criteria'] | undefined)?.reduce(
                  (s, c) => s + (Number(c?.maxScore) || 0),
                  0,
                ) ?? set.maxTotal}{' '}
                · {t('orderHint')}
              </p>
            )}
          </Form.Item>
          {!readOnly && (
            <Button type="primary" htmlType="submit" id="save-criteria">
              {tc('save')}
            </Button>
          )}
        </Form>
      )}
    </>
  );
}
