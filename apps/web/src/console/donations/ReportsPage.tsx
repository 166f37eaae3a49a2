import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Progress,
  Segmented,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  formatFen,
  GIFT_CHANNEL_LABELS,
  GIFT_FORM_LABELS,
  GIFT_FORMS,
  giftChannelSchema,
  REPORT_GROUPING_LABELS,
  REPORT_GROUPINGS,
  type DonationReport,
  type GiftForm,
  type ReportGrouping,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { REPORTS_KEY, reportsApi, type ReportQuery } from './api.ts';
import { donationsDict } from './dict.ts';

type Row = DonationReport['rows'][number];
const GROUP_COLUMN = {
  month: 'groupMonth',
  channel: 'groupChannel',
  designation: 'groupDesignation',
  org: 'groupOrg',
} as const satisfies Record<ReportGrouping, keyof typeof donationsDict>;
type Range = [Dayjs | null, Dayjs | null] | null;

const yuan = (fen: number) => formatFen(fen, { symbol: true });
/** A row's share of the total as a percentage with one decimal (for the bars only; amounts stay in fen). */
const shareOf = (fen: number, total: number) => (total > 0 ? Math.round((fen * 1000) / total) / 10 : 0);

/** The server labels groups in Chinese; channels, 本级 and 非定向 are known by key and follow the UI's language. */
function useGroupLabel(groupBy: ReportGrouping) {
  const t = useT(donationsDict);
  const label = useLabel();
  return (row: Row) => {
    const channel = giftChannelSchema.safeParse(row.key);
    if (groupBy === 'channel' && channel.success) return label(GIFT_CHANNEL_LABELS[channel.data]);
    if (groupBy === 'org' && row.key === 'self') return t('reportSelf');
    if (groupBy === 'designation' && row.key === 'none') return t('undesignated');
    return row.label;
  };
}

/** 捐赠统计: a society's confirmed gifts (its own and its branches') summed by month, channel, designation or branch. */
export default function ReportsPage() {
  const t = useT(donationsDict);
  const label = useLabel();
  const { data: me } = useMe();
  const [pickedOrgId, setOrgId] = useState<number | undefined>();
  const [groupBy, setGroupBy] = useState<ReportGrouping>('month');
  const [form, setForm] = useState<GiftForm>('money');
  const [range, setRange] = useState<Range>(null);
  // Until the user picks another, the report is of their own society.
  const orgId = pickedOrgId ?? me?.orgId;
  const params: ReportQuery | null =
    orgId === undefined
      ? null
      : {
          orgId,
          groupBy,
          form,
          from: range?.[0]?.format('YYYY-MM-DD'),
          to: range?.[1]?.format('YYYY-MM-DD'),
        };
  const query = useQuery({
    queryKey: [...REPORTS_KEY, params],
    queryFn: () => reportsApi.get(params!),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
  const groupLabel = useGroupLabel(groupBy);
  // On a phone the four groupings take the short names of their columns, so they fit side by side.
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);
  const report = query.data;
  const total = report?.amountFen ?? 0;

  const columns: TableColumnsType<Row> = [
    {
      title: t(GROUP_COLUMN[groupBy]),
      key: 'label',
      render: (_, r) => groupLabel(r),
    },
    { title: t('giftCount'), dataIndex: 'giftCount', align: 'right', width: 90 },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{yuan(r.amountFen)}</span>
      ),
    },
    {
      title: t('reportShare'),
      key: 'share',
      width: 200,
      render: (_, r) => (
        <Progress
          percent={shareOf(r.amountFen, total)}
          format={(p) => `${p}%`}
          status="normal"
          size="small"
          strokeColor="#c8161d"
          style={{ minWidth: 140, margin: 0 }}
        />
      ),
    },
  ];

  return (
    <Page title={t('reportsTitle')}>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Flex wrap gap="0 24px" align="flex-end">
            <Form.Item label={t('reportOrg')} style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 360 }}>
              <OrgTreeSelect id="report-org" value={orgId} onChange={setOrgId} includeInactive />
            </Form.Item>
            <Form.Item label={t('reportPeriod')} style={{ flex: '1 1 240px', maxWidth: 320 }}>
              <DatePicker.RangePicker
                id="report-range"
                value={range}
                onChange={(v) => setRange(v)}
                allowEmpty={[true, true]}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item label={t('reportForm')}>
              <Segmented<GiftForm>
                id="report-form"
                value={form}
                onChange={setForm}
                options={GIFT_FORMS.map((f) => ({ value: f, label: label(GIFT_FORM_LABELS[f]) }))}
              />
            </Form.Item>
          </Flex>
          <Flex wrap gap="8px 24px" align="center" justify="space-between">
            <Segmented<ReportGrouping>
              id="report-groupby"
              value={groupBy}
              onChange={setGroupBy}
              options={REPORT_GROUPINGS.map((g) => ({
                value: g,
                label: narrow ? t(GROUP_COLUMN[g]) : label(REPORT_GROUPING_LABELS[g]),
              }))}
            />
            <Button
              id="report-export"
              icon={<DownloadOutlined />}
              href={params ? reportsApi.exportUrl(params) : undefined}
              disabled={!params}
              download
            >
              {t('exportExcel')}
            </Button>
          </Flex>
        </Form>
      </Card>
      {query.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={query.error.message} />
      )}
      <Card>
        <Flex wrap gap="16px 48px" style={{ marginBottom: 16 }}>
          <Statistic
            title={t('reportTotal')}
            value={report ? yuan(report.amountFen) : '-'}
            valueStyle={{ color: '#c8161d' }}
          />
          <Statistic title={t('giftCount')} value={report?.giftCount ?? '-'} />
        </Flex>
        <Table<Row>
          id="report-table"
          rowKey="key"
          size="middle"
          columns={columns}
          dataSource={report?.rows ?? []}
          loading={query.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: orgId === undefined ? t('reportChooseOrg') : t('reportEmpty') }}
          summary={() =>
            report && report.rows.length > 0 ? (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t('reportTotal')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {report.giftCount}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {yuan(report.amountFen)}
                    </span>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} />
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
          {t('reportNote')}
        </Typography.Text>
      </Card>
    </Page>
  );
}
