import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerFinding,
  type LedgerKind,
  type LedgerStatusItem,
  type LedgerVerification,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import {
  LEDGER_ENTRIES_KEY,
  LEDGER_STATUS_KEY,
  LEDGER_VERIFICATIONS_KEY,
  ledgerApi,
  type LedgerEntryFilters,
} from './api.ts';
import { ledgerDict } from './dict.ts';

type ConsoleEntry = Awaited<ReturnType<typeof ledgerApi.entries>>['items'][number];

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** 公开账本: each society's log (size, checkpoint, lag, witness), its entries, and the verifier's runs. */
export default function LedgerPage() {
  const t = useT(ledgerDict);
  return (
    <Page title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'status', label: t('tabStatus'), children: <StatusTab /> },
          { key: 'entries', label: t('tabEntries'), children: <EntriesTab /> },
          { key: 'verify', label: t('tabVerify'), children: <VerifyTab /> },
        ]}
      />
    </Page>
  );
}

function StatusTab() {
  const t = useT(ledgerDict);
  const query = useQuery({ queryKey: LEDGER_STATUS_KEY, queryFn: ledgerApi.status, refetchInterval: 5000 });
  return (
    <Card>
      {query.error && (
        <Alert type="error" showIcon message={query.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<LedgerStatusItem>
        id="ledger-status"
        rowKey="orgId"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('org'), dataIndex: 'orgName' },
          {
            title: t('origin'),
            dataIndex: 'origin',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('size'), dataIndex: 'size', align: 'right' },
          {
            title: t('checkpoint'),
            render: (_, s) =>
              s.checkpointSize === null ? (
                <Typography.Text type="secondary">{t('none')}</Typography.Text>
              ) : (
                <>
                  {t('checkpointSize', { size: s.checkpointSize })}
                  <div style={{ color: '#8c8c8c', fontSize: 12 }}>{formatTime(s.checkpointAt)}</div>
                </>
              ),
          },
          {
            title: t('backlog'),
            dataIndex: 'backlog',
            align: 'right',
            render: (v: number) => (v > 0 ? <Tag color="processing">{v}</Tag> : 0),
          },
          {
            title: t('lag'),
            dataIndex: 'lagMs',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v > 1000 ? 'danger' : undefined}>
                {(v / 1000).toFixed(1)} s
              </Typography.Text>
            ),
          },
          {
            title: t('witness'),
            render: (_, s) =>
              s.witness === null ? (
                <Typography.Text type="secondary">{t('rootLog')}</Typography.Text>
              ) : s.checkpointSize === null ? (
                <Typography.Text code>{s.witness}</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  <Typography.Text code>{s.witness}</Typography.Text>
                  {s.cosigned ? (
                    <Tag color="success">{t('cosigned')}</Tag>
                  ) : (
                    <Tag color="warning">{t('notCosigned')}</Tag>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

function EntriesTab() {
  const t = useT(ledgerDict);
  const label = useLabel();
  const kindLabel = (k: string) => (k in LEDGER_KIND_LABELS ? label(LEDGER_KIND_LABELS[k as LedgerKind]) : k);
  const columns: ProColumns<ConsoleEntry>[] = [
    // The receipt number first: it is what a donor or a colleague asks about.
    {
      title: t('receipt'),
      dataIndex: 'receipt',
      hideInTable: true,
      fieldProps: { id: 'ledger-receipt', placeholder: t('receiptPlaceholder'), maxLength: 14 },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      render: (_, e) => e.orgName || `#${e.orgId}`,
      renderFormItem: () => <OrgTreeSelect id="ledger-org" allowClear />,
    },
    { title: t('index'), dataIndex: 'index', search: false, align: 'right' },
    {
      title: t('kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: Object.fromEntries(LEDGER_KINDS.map((k) => [k, { text: kindLabel(k) }])),
      fieldProps: { id: 'ledger-kind' },
      render: (_, e) => (
        <Tooltip title={e.kind}>
          <Tag bordered={false}>{kindLabel(e.kind)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('ref'),
      dataIndex: 'ref',
      fieldProps: { id: 'ledger-ref', placeholder: t('refPlaceholder') },
      render: (_, e) => <Typography.Text code>{e.ref}</Typography.Text>,
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      search: false,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(e.createdAt)}</span>,
    },
    {
      title: t('leafHash'),
      dataIndex: 'leafHash',
      search: false,
      render: (_, e) => (
        <Typography.Text code copyable={{ text: e.leafHash }}>
          {e.leafHash.slice(0, 12)}…
        </Typography.Text>
      ),
    },
  ];
  return (
    <QueryTable<ConsoleEntry, LedgerEntryFilters>
      queryKey={LEDGER_ENTRIES_KEY}
      fetch={(p) => ledgerApi.entries(p)}
      toParams={(v: SearchValues) => ({
        orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
        kind: text(v.kind),
        ref: text(v.ref),
        receipt: text(v.receipt),
      })}
      rowKey="leafHash"
      columns={columns}
      expandable={{
        expandedRowRender: (e) => (
          <div>
            <Typography.Text type="secondary">{t('entryText')}</Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '4px 0 0', fontSize: 12 }}>
              {e.entry}
            </pre>
          </div>
        ),
      }}
    />
  );
}

function FindingsTable({ findings }: { findings: LedgerFinding[] }) {
  const t = useT(ledgerDict);
  const whatLabel = {
    entry: t('whatEntry'),
    node: t('whatNode'),
    checkpoint: t('whatCheckpoint'),
    outbox: t('whatOutbox'),
  };
  return (
    <Table<LedgerFinding>
      size="small"
      rowKey={(f) => `${f.orgId}:${f.what}:${f.index}:${f.message}`}
      dataSource={findings}
      pagination={findings.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('org'), dataIndex: 'orgId', render: (v: number) => `#${v}` },
        {
          title: t('what'),
          dataIndex: 'what',
          render: (v: LedgerFinding['what']) => <Tag color="error">{whatLabel[v]}</Tag>,
        },
        { title: t('index'), dataIndex: 'index', render: (v: number | null) => v ?? '-' },
        { title: t('kind'), dataIndex: 'kind', render: (v: string | null) => v ?? '-' },
        {
          title: t('ref'),
          dataIndex: 'ref',
          render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '-'),
        },
        { title: t('message'), dataIndex: 'message' },
        {
          title: t('expected'),
          dataIndex: 'expected',
          render: (v: string | null) => (
            <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>{v ?? '-'}</Typography.Text>
          ),
        },
        {
          title: t('actual'),
          dataIndex: 'actual',
          render: (v: string | null) => (
            <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>{v ?? '-'}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

function VerificationResult({ v }: { v: LedgerVerification }) {
  const t = useT(ledgerDict);
  return v.ok ? (
    <Tag color="success" data-ok="true">
      {t('ok')}
    </Tag>
  ) : (
    <Tag color="error" data-ok="false">
      {t('findings', { n: v.findings.length })}
    </Tag>
  );
}

function VerifyTab() {
  const t = useT(ledgerDict);
  const submit = useSubmit();
  const [busy, setBusy] = useState(false);
  const [latest, setLatest] = useState<LedgerVerification | null>(null);
  const run = async () => {
    setBusy(true);
    const result = await submit(() => ledgerApi.verify(), {
      invalidate: [LEDGER_VERIFICATIONS_KEY],
      success: t('ran'),
    });
    setBusy(false);
    if (result) setLatest(result);
  };
  const columns: ProColumns<LedgerVerification>[] = [
    {
      title: t('startedAt'),
      dataIndex: 'startedAt',
      search: false,
      render: (_, v) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v.startedAt)}</span>,
    },
    { title: t('by'), dataIndex: 'byName', search: false, render: (_, v) => v.byName ?? t('system') },
    {
      title: t('logs'),
      dataIndex: 'orgIds',
      search: false,
      render: (_, v) => v.orgIds.length,
      align: 'right',
    },
    { title: t('entriesChecked'), dataIndex: 'entriesChecked', search: false, align: 'right' },
    { title: t('checkpointsChecked'), dataIndex: 'checkpointsChecked', search: false, align: 'right' },
    { title: t('result'), dataIndex: 'ok', search: false, render: (_, v) => <VerificationResult v={v} /> },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap align="center">
          <Button
            id="ledger-verify"
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={busy}
            onClick={run}
          >
            {t('run')}
          </Button>
          <Typography.Text type="secondary">{t('runHint')}</Typography.Text>
        </Space>
        {latest && (
          <div id="ledger-verify-result" style={{ marginTop: 12 }}>
            <Space>
              {formatTime(latest.finishedAt)}
              <VerificationResult v={latest} />
              <Typography.Text type="secondary">
                {t('entriesChecked')} {latest.entriesChecked} · {t('checkpointsChecked')}{' '}
                {latest.checkpointsChecked}
              </Typography.Text>
            </Space>
            {!latest.ok && <FindingsTable findings={latest.findings} />}
          </div>
        )}
      </Card>
      <QueryTable<LedgerVerification>
        queryKey={LEDGER_VERIFICATIONS_KEY}
        fetch={(p) => ledgerApi.verifications(p)}
        rowKey="id"
        columns={columns}
        expandable={{
          expandedRowRender: (v) => <FindingsTable findings={v.findings} />,
          rowExpandable: (v) => v.findings.length > 0,
        }}
      />
    </Space>
  );
}
