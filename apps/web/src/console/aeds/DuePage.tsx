import { useState } from 'react';
import { Alert, InputNumber, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { AED_DUE_DAYS_DEFAULT, AED_VENUE_LABELS, type AedDueItem } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { AEDS_KEY, aedApi } from './api.ts';
import { aedDict } from './dict.ts';

/** Batteries and pads due within N days or past, most urgent first: the office's replacement list. */
export default function DuePage() {
  const t = useT(aedDict);
  const label = useLabel();
  const [withinDays, setWithinDays] = useState(AED_DUE_DAYS_DEFAULT);
  const [orgId, setOrgId] = useState<number | undefined>();
  const { data, isFetching } = useQuery({
    queryKey: [...AEDS_KEY, 'due', withinDays, orgId],
    queryFn: () => aedApi.due({ withinDays, orgId }),
  });
  return (
    <Page title={t('dueTitle')}>
      <Alert type="info" showIcon message={t('dueHint')} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('org')}</span>
        <OrgTreeSelect
          id="dueOrgId"
          allowClear
          value={orgId}
          onChange={(v: number | undefined) => setOrgId(v)}
          style={{ minWidth: 240 }}
        />
        <span>{t('withinDays')}</span>
        <InputNumber min={0} max={3650} value={withinDays} onChange={(v) => setWithinDays(v ?? 0)} />
      </Space>
      <Table<AedDueItem>
        rowKey={(r) => `${r.device.id}-${r.part}`}
        loading={isFetching}
        dataSource={data ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('daysLeft'),
            render: (_, r) =>
              r.daysLeft < 0 ? (
                <Tag color="red">{t('overdueN', { n: -r.daysLeft })}</Tag>
              ) : (
                <Tag color={r.daysLeft <= 7 ? 'orange' : 'gold'}>{t('daysLeftN', { n: r.daysLeft })}</Tag>
              ),
          },
          { title: t('part'), render: (_, r) => t(r.part) },
          { title: t('dueOn'), dataIndex: 'dueOn' },
          { title: t('serial'), render: (_, r) => r.device.serial },
          { title: t('venueName'), render: (_, r) => r.device.venueName },
          { title: t('venueType'), render: (_, r) => label(AED_VENUE_LABELS[r.device.venueType]) },
          { title: t('org'), render: (_, r) => r.device.orgName },
          {
            title: t('responsibleName'),
            render: (_, r) => `${r.device.responsibleName} ${r.device.responsibleMobileMasked}`,
          },
        ]}
      />
    </Page>
  );
}
