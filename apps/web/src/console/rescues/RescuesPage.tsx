import { useState } from 'react';
import { Alert, Descriptions, Form, Input, Radio, Space, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ProColumns } from '@ant-design/pro-components';
import {
  AGE_BAND_LABELS,
  RESCUE_ACTION_LABELS,
  RESCUE_OUTCOME_LABELS,
  RESCUE_STATUS_LABELS,
  RESCUE_STATUSES,
  SEX_LABELS,
  type Rescue,
} from '@boai/contracts';
import { formatTime } from '../../lib/time.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { useCan } from '../auth/index.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { RESCUES_KEY, rescuesApi } from './api.ts';
import { rescuesDict } from './dict.ts';

const STATUS_COLORS = { reported: 'processing', verified: 'green', rejected: 'default' } as const;

const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  status: typeof v.status === 'string' ? v.status : undefined,
});

/** 施救案例: reports by certificate holders, verified (or declined with a reason) and commended. */
export default function RescuesPage() {
  const t = useT(rescuesDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [reviewing, setReviewing] = useState<Rescue | null>(null);
  const [commending, setCommending] = useState<Rescue | null>(null);
  // Opened from a certificate: that holder's cases only.
  const [search] = useSearchParams();
  const certificateId = Number(search.get('certificateId')) || undefined;

  const columns: ProColumns<Rescue>[] = [
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RESCUE_STATUSES.map((s) => [s, { text: label(RESCUE_STATUS_LABELS[s]) }]),
      ),
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[r.status]}>{label(RESCUE_STATUS_LABELS[r.status])}</Tag>
          {r.commendation && <Tag color="red">{r.commendation}</Tag>}
        </Space>
      ),
    },
    { title: t('occurredAt'), search: false, render: (_, r) => formatTime(r.occurredAt, 'YYYY-MM-DD HH:mm') },
    { title: t('rescuer'), dataIndex: 'rescuerName', search: false },
    { title: t('certificate'), dataIndex: 'certificateNumber', search: false },
    {
      title: t('actions'),
      search: false,
      render: (_, r) => r.actions.map((a) => label(RESCUE_ACTION_LABELS[a])).join('、'),
    },
    { title: t('outcome'), search: false, render: (_, r) => label(RESCUE_OUTCOME_LABELS[r.outcome]) },
    { title: t('aed'), search: false, render: (_, r) => (r.aedUsed ? t('yes') : t('no')) },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, r) =>
        can('training:manage')
          ? [
              r.status === 'reported' ? (
                <a key="review" data-action="review" onClick={() => setReviewing(r)}>
                  {t('review')}
                </a>
              ) : null,
              r.status === 'verified' && !r.commendation ? (
                <a key="commend" data-action="commend" onClick={() => setCommending(r)}>
                  {t('commend')}
                </a>
              ) : null,
            ]
          : [],
    },
  ];

  return (
    <Page title={t('title')}>
      {certificateId && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          message={t('ofCertificate')}
          action={<Link to="/console/rescues">{t('showAll')}</Link>}
        />
      )}
      <QueryTable<Rescue, ReturnType<typeof toParams>>
        queryKey={[...RESCUES_KEY, certificateId]}
        fetch={(p) => rescuesApi.list({ ...p, certificateId })}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('place')}>{r.place}</Descriptions.Item>
              <Descriptions.Item label={t('description')}>{r.description}</Descriptions.Item>
              <Descriptions.Item label={t('casualty')}>
                {`${label(AGE_BAND_LABELS[r.casualtyAgeBand])} · ${label(SEX_LABELS[r.casualtySex])}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('mobile')}>{r.mobileMasked ?? '—'}</Descriptions.Item>
              {r.reviewNote && (
                <Descriptions.Item
                  label={t('reviewNote')}
                >{`${r.reviewNote}（${r.reviewedBy}）`}</Descriptions.Item>
              )}
            </Descriptions>
          ),
        }}
      />
      <MutationForm<{ decision: 'verified' | 'rejected'; note?: string }>
        open={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={t('reviewTitle', { name: reviewing?.rescuerName ?? '' })}
        invalidate={[RESCUES_KEY]}
        submitId="save-review"
        initialValues={{ decision: 'verified' }}
        submit={(v) => rescuesApi.review(reviewing!.id, { decision: v.decision, note: v.note || null })}
      >
        <Form.Item name="decision" label={t('decision')} rules={[{ required: true }]}>
          <Radio.Group
            id="review-decision"
            options={[
              { value: 'verified', label: t('verify') },
              { value: 'rejected', label: t('reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('note')} extra={t('noteHint')}>
          <Input.TextArea id="review-note" rows={3} maxLength={500} />
        </Form.Item>
      </MutationForm>
      <MutationForm<{ commendation: string }>
        open={commending !== null}
        onClose={() => setCommending(null)}
        title={t('commendTitle', { name: commending?.rescuerName ?? '' })}
        invalidate={[RESCUES_KEY]}
        submitId="save-commend"
        submit={(v) => rescuesApi.commend(commending!.id, v.commendation)}
      >
        <Form.Item
          name="commendation"
          label={t('commendation')}
          extra={t('commendationHint')}
          rules={[{ required: true, message: tc('required', { field: t('commendation') }) }]}
        >
          <Input id="commendation" maxLength={200} />
        </Form.Item>
      </MutationForm>
    </Page>
  );
}
