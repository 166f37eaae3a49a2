import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Radio, Space, Spin, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  GIFT_IMPORT_MAX_BYTES,
  GIFT_IMPORT_SOURCE_LABELS,
  GIFT_IMPORT_SOURCES,
  GIFT_IMPORT_STATUS_LABELS,
  GIFT_IMPORT_STATUSES,
  giftImportSourceSchema,
  giftImportStatusSchema,
  type GiftImport,
  type GiftImportSource,
  type GiftImportSummary,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { AppealSelect } from '../donations/pickers.tsx';
import { GIFT_IMPORTS_KEY, giftImportsApi, readAsBase64, type GiftImportQuery } from './api.ts';
import { giftImportDict } from './dict.ts';
import { ImportPreview } from './ImportPreview.tsx';

/** `contentBase64` names the drop zone, so the server's verdict on the file (missing columns …) shows under it. */
type Values = { orgId?: number; source: GiftImportSource; appealId?: number; contentBase64?: string };
type Filters = Omit<GiftImportQuery, 'page' | 'pageSize'>;
type Phase = { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'checking' };

const toParams = (v: SearchValues): Filters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  source: giftImportSourceSchema.safeParse(v.filterSource).data,
  status: giftImportStatusSchema.safeParse(v.filterStatus).data,
});

/**
 * 导入到账明细: upload a bank statement or a platform export, look at what every row became, and
 * confirm. The server decides everything (columns, row checks, duplicates); this page shows it.
 */
export default function GiftImportPage() {
  const t = useT(giftImportDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const submit = useSubmit();
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('orgId', form);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [current, setCurrent] = useState<GiftImport | null>(null);
  const manage = can('donations:manage');

  const upload = async (file: File) => {
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      form.setFields([{ name: 'contentBase64', errors: [t('wrongType')] }]);
      return;
    }
    if (file.size > GIFT_IMPORT_MAX_BYTES) {
      form.setFields([{ name: 'contentBase64', errors: [t('tooLarge')] }]);
      return;
    }
    form.setFields([{ name: 'contentBase64', errors: [] }]);
    let values: Values;
    try {
      values = await form.validateFields(['orgId', 'source', 'appealId']);
    } catch {
      return;
    }
    setPhase({ kind: 'reading', percent: 0 });
    try {
      const contentBase64 = await readAsBase64(file, (percent) => setPhase({ kind: 'reading', percent }));
      setPhase({ kind: 'checking' });
      const preview = await submit(
        () =>
          giftImportsApi.preview({
            orgId: values.orgId!,
            source: values.source,
            appealId: values.appealId ?? null,
            fileName: file.name,
            contentBase64,
          }),
        { form, invalidate: [GIFT_IMPORTS_KEY], success: false },
      );
      if (preview) setCurrent(preview);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const open = async (id: number) => {
    const imp = await submit(() => giftImportsApi.get(id), { success: false });
    if (imp) {
      setCurrent(imp);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
  };

  const columns: ProColumns<GiftImportSummary>[] = [
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('source'),
      dataIndex: 'filterSource',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        GIFT_IMPORT_SOURCES.map((s) => [s, { text: label(GIFT_IMPORT_SOURCE_LABELS[s]) }]),
      ),
    },
    {
      title: t('status'),
      dataIndex: 'filterStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        GIFT_IMPORT_STATUSES.map((s) => [s, { text: label(GIFT_IMPORT_STATUS_LABELS[s]) }]),
      ),
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      search: false,
      render: (_, r) => formatTime(r.createdAt),
    },
    { title: t('file'), dataIndex: 'fileName', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('source'),
      dataIndex: 'source',
      search: false,
      render: (_, r) => label(GIFT_IMPORT_SOURCE_LABELS[r.source]),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      search: false,
      render: (_, r) => (
        <Tag color={r.status === 'committed' ? 'green' : 'gold'}>
          {label(GIFT_IMPORT_STATUS_LABELS[r.status])}
        </Tag>
      ),
    },
    { title: t('validRows'), dataIndex: 'validRows', search: false, align: 'right' },
    {
      title: t('errorRows'),
      dataIndex: 'errorRows',
      search: false,
      align: 'right',
      render: (_, r) => (r.errorRows ? <Typography.Text type="danger">{r.errorRows}</Typography.Text> : 0),
    },
    { title: t('duplicates'), dataIndex: 'duplicates', search: false, align: 'right' },
    { title: t('createdGifts'), dataIndex: 'createdGifts', search: false, align: 'right' },
    { title: t('createdBy'), dataIndex: 'createdBy', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      width: 80,
      render: (_, r) => (
        <a key="open" data-action="open-import" onClick={() => void open(r.id)}>
          {t('open')}
        </a>
      ),
    },
  ];

  return (
    <Page
      title={t('title')}
      // Templates are for those who import (the endpoint asks for donations:manage).
      extra={
        manage
          ? (['bank', 'platform'] as const).map((s) => (
              <Button key={s} icon={<DownloadOutlined />} href={giftImportsApi.templateUrl(s)} download>
                {s === 'bank' ? t('bankTemplate') : t('platformTemplate')}
              </Button>
            ))
          : undefined
      }
    >
      <Alert type="info" showIcon message={t('intro')} style={{ marginBottom: 16 }} />
      {manage && (
        <Card title={t('upload')} style={{ marginBottom: 16 }}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ orgId: me?.orgId, source: 'bank' }}
            disabled={phase.kind !== 'idle'}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
              <Form.Item
                name="orgId"
                label={t('org')}
                style={{ flex: '1 1 240px' }}
                rules={[{ required: true, message: tc('select', { field: t('org') }) }]}
              >
                <OrgTreeSelect
                  id="orgId"
                  onChange={(v) => form.setFieldsValue({ orgId: v, appealId: undefined })}
                />
              </Form.Item>
              <Form.Item name="source" label={t('source')} style={{ flex: '1 1 240px' }}>
                <Radio.Group
                  id="source"
                  optionType="button"
                  options={GIFT_IMPORT_SOURCES.map((s) => ({
                    value: s,
                    label: label(GIFT_IMPORT_SOURCE_LABELS[s]),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="appealId"
                label={t('appeal')}
                extra={t('appealHint')}
                style={{ flex: '1 1 240px' }}
              >
                <AppealSelect
                  id="appealId"
                  key={orgId}
                  orgId={orgId}
                  openOnly
                  exactOrg
                  disabled={orgId === undefined}
                  placeholder={orgId === undefined ? t('chooseOrgFirst') : undefined}
                />
              </Form.Item>
            </div>
            <Form.Item name="contentBase64" style={{ marginBottom: 0 }}>
              <Spin spinning={phase.kind === 'checking'} tip={t('checking')}>
                <Upload.Dragger
                  id="gift-import-file"
                  accept=".xlsx,.csv"
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    // The file goes up with the form's choices, through the API client, not antd's uploader.
                    return Upload.LIST_IGNORE;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('drop')}</p>
                  <p className="ant-upload-hint">{t('dropHint')}</p>
                </Upload.Dragger>
              </Spin>
            </Form.Item>
            {phase.kind === 'reading' && (
              <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                <Typography.Text type="secondary">{t('reading')}</Typography.Text>
                <Progress percent={phase.percent} status="active" />
              </Space>
            )}
          </Form>
        </Card>
      )}
      {current && (
        <ImportPreview
          key={current.id}
          imp={current}
          canCommit={manage}
          onChange={setCurrent}
          onClose={() => setCurrent(null)}
        />
      )}
      <QueryTable<GiftImportSummary, Filters>
        headerTitle={t('history')}
        queryKey={GIFT_IMPORTS_KEY}
        fetch={(p) => giftImportsApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
      />
    </Page>
  );
}
