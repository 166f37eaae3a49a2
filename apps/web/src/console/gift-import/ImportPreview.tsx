import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import {
  formatFen,
  GIFT_IMPORT_SOURCE_LABELS,
  GIFT_IMPORT_STATUS_LABELS,
  type GiftImport,
  type GiftImportCommit,
  type GiftImportError,
  type GiftImportRow,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { APPEALS_KEY, GIFTS_KEY } from '../donations/api.ts';
import { GIFT_IMPORTS_KEY, giftImportsApi } from './api.ts';
import { giftImportDict } from './dict.ts';

const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * What a statement holds before anything is recorded: the figures, every row error, the first valid
 * rows — and 确认导入, which records the rows that are new. Rows already imported are shown and skipped.
 */
export function ImportPreview({
  imp,
  canCommit,
  onChange,
  onClose,
}: {
  imp: GiftImport;
  canCommit: boolean;
  onChange: (imp: GiftImport) => void;
  onClose: () => void;
}) {
  const t = useT(giftImportDict);
  const label = useLabel();
  const submit = useSubmit();
  const [committing, setCommitting] = useState(false);
  const [result, setResult] = useState<GiftImportCommit | null>(null);
  const fresh = imp.validRows - imp.duplicates;

  const commit = async () => {
    setCommitting(true);
    const done = await submit(() => giftImportsApi.commit(imp.id), {
      invalidate: [GIFT_IMPORTS_KEY, GIFTS_KEY, APPEALS_KEY],
      success: false,
    });
    setCommitting(false);
    if (done) {
      setResult(done);
      onChange(done.import);
    }
  };

  const kinds = {
    person: t('kindPerson'),
    enterprise: t('kindEnterprise'),
    anonymous: t('kindAnonymous'),
  } as const;

  return (
    <Card
      id="gift-import-preview"
      title={`${t('preview')} · ${imp.fileName}`}
      extra={
        <Button type="link" onClick={onClose}>
          {t('close')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('org')}>{imp.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('source')}>
          {label(GIFT_IMPORT_SOURCE_LABELS[imp.source])}
        </Descriptions.Item>
        <Descriptions.Item label={t('appeal')}>{imp.appealName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <Tag color={imp.status === 'committed' ? 'green' : 'gold'}>
            {label(GIFT_IMPORT_STATUS_LABELS[imp.status])}
          </Tag>
        </Descriptions.Item>
      </Descriptions>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          { key: 'valid', title: t('validRows'), value: imp.validRows, color: '#389e0d' },
          {
            key: 'errors',
            title: t('errorRows'),
            value: imp.errorRows,
            color: imp.errorRows ? '#cf1322' : undefined,
          },
          {
            key: 'duplicates',
            title: t('duplicates'),
            value: imp.duplicates,
            color: imp.duplicates ? '#d48806' : undefined,
          },
          {
            key: 'new',
            title: imp.status === 'committed' ? t('createdGifts') : t('toImport'),
            value: imp.status === 'committed' ? imp.createdGifts : fresh,
          },
        ].map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card size="small" data-stat={s.key}>
              <Statistic title={s.title} value={s.value} valueStyle={{ color: s.color }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">
        {t('totalRows')} {imp.totalRows} · {t('debitRows')} {imp.debitRows} · {t('validAmount')}{' '}
        {formatFen(imp.validFen, { symbol: true })} · {imp.createdBy} {formatTime(imp.createdAt)}
      </Typography.Paragraph>

      {result && (
        <Result
          status={result.alreadyCommitted ? 'info' : 'success'}
          icon={result.alreadyCommitted ? undefined : <CheckCircleOutlined />}
          title={
            result.alreadyCommitted
              ? t('alreadyCommitted')
              : t('committed', { created: result.import.createdGifts, skipped: result.import.duplicates })
          }
          extra={
            <Link to="/console/gifts">
              <Button type="primary">{t('viewGifts')}</Button>
            </Link>
          }
        />
      )}

      {imp.status === 'previewed' && canCommit && (
        <Spin spinning={committing} tip={t('committing')}>
          <Space wrap style={{ marginBottom: 16 }}>
            <Popconfirm
              title={t('commitConfirm', { count: fresh })}
              onConfirm={() => void commit()}
              disabled={fresh === 0}
            >
              <Button id="gift-import-commit" type="primary" disabled={fresh === 0} loading={committing}>
                {t('commit')}
              </Button>
            </Popconfirm>
            {fresh === 0 && <Typography.Text type="secondary">{t('nothingNew')}</Typography.Text>}
          </Space>
        </Spin>
      )}

      <Tabs
        defaultActiveKey={imp.errorRows ? 'errors' : 'valid'}
        items={[
          {
            key: 'errors',
            label: t('errorsTab', { count: imp.errors.length }),
            children: (
              <>
                {imp.errors.length > 0 && (
                  <Alert type="warning" showIcon message={t('errorsNote')} style={{ marginBottom: 12 }} />
                )}
                <Table<GiftImportError>
                  id="gift-import-errors"
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                  dataSource={imp.errors}
                  pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('row'), dataIndex: 'row', width: 70, render: (r: number) => `第 ${r} 行` },
                    {
                      title: t('column'),
                      dataIndex: 'column',
                      render: (c: string) => <span style={nowrap}>{c}</span>,
                    },
                    { title: t('message'), dataIndex: 'message' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'valid',
            label: t('validTab', { count: imp.validRows }),
            children: (
              <>
                {imp.sample.length < imp.validRows && (
                  <Typography.Paragraph type="secondary">
                    {t('sampleNote', { shown: imp.sample.length, total: imp.validRows })}
                  </Typography.Paragraph>
                )}
                <Table<GiftImportRow>
                  id="gift-import-rows"
                  size="small"
                  rowKey="row"
                  dataSource={imp.sample}
                  pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('row'), dataIndex: 'row', width: 60 },
                    {
                      title: t('date'),
                      dataIndex: 'receivedOn',
                      render: (d: string) => <span style={nowrap}>{d}</span>,
                    },
                    {
                      title: t('amount'),
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (fen: number) => (
                        <span style={{ ...nowrap, fontVariantNumeric: 'tabular-nums' }}>
                          {formatFen(fen, { symbol: true })}
                        </span>
                      ),
                    },
                    { title: t('payer'), dataIndex: 'payer' },
                    {
                      title: t('donorKind'),
                      dataIndex: 'donorKind',
                      render: (k: GiftImportRow['donorKind']) => <span style={nowrap}>{kinds[k]}</span>,
                    },
                    { title: t('account'), dataIndex: 'account', render: (a: string) => a || '-' },
                    { title: t('reference'), dataIndex: 'reference', render: (r: string) => r || '-' },
                    { title: t('memo'), dataIndex: 'memo', render: (m: string, r) => m || r.project || '-' },
                    {
                      title: t('status'),
                      dataIndex: 'duplicate',
                      render: (d: boolean) => (d ? <Tag color="gold">{t('duplicate')}</Tag> : null),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
