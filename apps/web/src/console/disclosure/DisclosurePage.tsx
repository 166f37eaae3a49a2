import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Row, Statistic, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { formatFen, type DisclosureBatch } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { formatTime, TIME_ZONE, dayOf } from '../../lib/time.ts';
import { useCan, useMe } from '../auth/index.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { DISCLOSURE_KEY, disclosureApi, type BatchQuery } from './api.ts';
import { BatchDrawer } from './BatchDrawer.tsx';
import { disclosureDict } from './dict.ts';
import { LinesTable } from './LinesTable.tsx';

type Filters = Omit<BatchQuery, 'page' | 'pageSize'>;
const shanghaiToday = () => dayjs().tz(TIME_ZONE);

/** 每日公示: preview a society's day, publish it (once, for good), and look back at what was published. */
export default function DisclosurePage() {
  const t = useT(disclosureDict);
  const can = useCan();
  const { data: me } = useMe();
  const { modal } = App.useApp();
  const run = useSubmit();
  const [picked, setPicked] = useState<number | undefined>();
  const [day, setDay] = useState<Dayjs>(shanghaiToday);
  const [openBatch, setOpenBatch] = useState<number | null>(null);
  const orgId = picked ?? me?.orgId;
  const dayText = day.format('YYYY-MM-DD');
  const mayPublish = can('disclosure:publish');

  const preview = useQuery({
    queryKey: [...DISCLOSURE_KEY, 'preview', orgId, dayText],
    queryFn: () => disclosureApi.preview(orgId!, dayText),
    enabled: orgId !== undefined && mayPublish,
  });
  const p = preview.data;
  const yuan = (fen: number) => formatFen(fen, { symbol: true });

  const confirmPublish = () => {
    if (!p) return;
    modal.confirm({
      title: t('confirmTitle', { org: p.orgName, day: p.day }),
      content: p.lines.length ? t('confirmBody', { lines: p.lines.length }) : t('confirmEmpty'),
      okText: t('publish'),
      okButtonProps: { id: 'disclosure-confirm' },
      onOk: () =>
        run(() => disclosureApi.publish(p.orgId, p.day), {
          invalidate: [DISCLOSURE_KEY],
          success: t('publishedOk', { day: p.day }),
        }),
    });
  };

  const columns: ProColumns<DisclosureBatch>[] = [
    {
      title: t('dayRange'),
      dataIndex: 'filterDay',
      hideInTable: true,
      renderFormItem: () => <DatePicker.RangePicker id="filterDay" style={{ width: '100%' }} />,
    },
    { title: t('day'), dataIndex: 'day', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('gifts'),
      key: 'gifts',
      search: false,
      align: 'right',
      render: (_, b) => t('countAmount', { count: b.giftCount, amount: yuan(b.giftFen) }),
    },
    {
      title: t('disbursements'),
      key: 'disbursements',
      search: false,
      align: 'right',
      render: (_, b) => t('countAmount', { count: b.disbursementCount, amount: yuan(b.disbursementFen) }),
    },
    { title: t('reversals'), dataIndex: 'reversalCount', search: false, align: 'right' },
    {
      title: t('how'),
      dataIndex: 'automatic',
      search: false,
      render: (_, b) =>
        b.automatic ? <Tag bordered={false}>{t('automatic')}</Tag> : <Tag color="blue">{t('manual')}</Tag>,
    },
    { title: t('publishedBy'), dataIndex: 'publishedBy', search: false },
    {
      title: t('publishedAt'),
      dataIndex: 'publishedAt',
      search: false,
      render: (_, b) => formatTime(b.publishedAt),
    },
    {
      title: t('view'),
      valueType: 'option',
      fixed: 'right',
      width: 110,
      render: (_, b) => [
        <a key="view" data-action="batch-view" onClick={() => setOpenBatch(b.id)}>
          {t('view')}
        </a>,
        <a key="export" href={disclosureApi.exportUrl(b.id)}>
          {t('export')}
        </a>,
      ],
    },
  ];

  return (
    <Page title={t('title')}>
      <Alert type="info" showIcon message={t('intro')} style={{ marginBottom: 16 }} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('org')} style={{ minWidth: 280 }}>
            <OrgTreeSelect
              id="disclosure-org"
              value={orgId}
              onChange={setPicked}
              placeholder={t('pickOrg')}
            />
          </Form.Item>
          <Form.Item label={t('day')}>
            <DatePicker
              id="disclosure-day"
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday().format('YYYY-MM-DD')}
            />
          </Form.Item>
        </Form>
      </Card>
      {mayPublish && (
        <Card
          title={t('preview')}
          style={{ marginBottom: 16 }}
          extra={
            <Button
              id="disclosure-publish"
              type="primary"
              icon={<SendOutlined />}
              disabled={!p || p.publishedBatchId !== null}
              onClick={confirmPublish}
            >
              {p?.publishedBatchId ? t('published') : t('publish')}
            </Button>
          }
        >
          {preview.isError && <Alert type="error" showIcon message={preview.error.message} />}
          {p?.publishedBatchId && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('alreadyPublished', { id: p.publishedBatchId })}
              action={
                <Button size="small" onClick={() => setOpenBatch(p.publishedBatchId)}>
                  {t('view')}
                </Button>
              }
            />
          )}
          {p && (
            <Row gutter={[16, 12]} style={{ marginBottom: 12 }} id="disclosure-totals">
              <Col xs={24} sm={8}>
                <Statistic
                  valueStyle={{ fontSize: 20 }}
                  title={t('gifts')}
                  value={t('countAmount', { count: p.totals.giftCount, amount: yuan(p.totals.giftFen) })}
                />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic
                  valueStyle={{ fontSize: 20 }}
                  title={t('disbursements')}
                  value={t('countAmount', {
                    count: p.totals.disbursementCount,
                    amount: yuan(p.totals.disbursementFen),
                  })}
                />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic
                  valueStyle={{ fontSize: 20 }}
                  title={t('reversals')}
                  value={t('countAmount', {
                    count: p.totals.reversalCount,
                    amount: yuan(p.totals.reversalFen),
                  })}
                />
              </Col>
            </Row>
          )}
          <LinesTable lines={p?.lines ?? []} loading={preview.isFetching} />
        </Card>
      )}
      <QueryTable<DisclosureBatch, Filters>
        queryKey={[...DISCLOSURE_KEY, 'batches', orgId]}
        headerTitle={t('history')}
        fetch={(q) => disclosureApi.batches({ ...q, orgId })}
        toParams={(v: SearchValues) => {
          const range = Array.isArray(v.filterDay) ? (v.filterDay as unknown[]) : [];
          return { from: dayOf(range[0]), to: dayOf(range[1]) };
        }}
        rowKey="id"
        columns={columns}
      />
      <BatchDrawer id={openBatch} onClose={() => setOpenBatch(null)} />
    </Page>
  );
}
