import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { AED_IMPORT_MAX_BYTES, type AedImportResult } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { useMe } from '../auth/index.ts';
import { readAsBase64 } from '../gift-import/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { AEDS_KEY, aedApi } from './api.ts';
import { aedDict } from './dict.ts';

type File64 = { fileName: string; contentBase64: string };

/**
 * 导入 AED: choose the society, drop the filled template, read the row-level errors, confirm. The
 * confirm sends the same file again; serials already registered are skipped, so nothing is created twice.
 */
export default function ImportPage() {
  const t = useT(aedDict);
  const submit = useSubmit();
  const { data: me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [file, setFile] = useState<File64 | null>(null);
  const [preview, setPreview] = useState<AedImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const org = orgId ?? me?.orgId;

  const upload = async (f: File) => {
    setError(null);
    setPreview(null);
    if (!org) return setError(t('chooseOrg'));
    if (!/\.xlsx$/i.test(f.name)) return setError(t('wrongType'));
    if (f.size > AED_IMPORT_MAX_BYTES) return setError(t('tooLarge'));
    setBusy(true);
    try {
      const body = { fileName: f.name, contentBase64: await readAsBase64(f, () => undefined) };
      const p = await submit(() => aedApi.previewImport({ ...body, orgId: org }), {
        success: false,
        onError: setError,
      });
      if (p) {
        setFile(body);
        setPreview(p);
      }
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file || !org || !preview) return;
    setBusy(true);
    const r = await submit(() => aedApi.commitImport({ ...file, orgId: org }), {
      invalidate: [AEDS_KEY],
      success: false,
      onError: setError,
    });
    setBusy(false);
    if (r) setPreview(r);
  };
  const toImport = preview ? preview.validRows - preview.existing : 0;

  return (
    <Page title={t('importTitle')}>
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <span>{t('org')}</span>
            <OrgTreeSelect
              id="importOrgId"
              value={org}
              onChange={(v: number | undefined) => setOrgId(v)}
              style={{ minWidth: 260 }}
            />
            <Button icon={<DownloadOutlined />} href={aedApi.templateUrl} download>
              {t('template')}
            </Button>
          </Space>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('dropHint')}</p>
          </Upload.Dragger>
          {error && <Alert type="error" showIcon message={error} />}
          {preview && (
            <>
              <Alert
                type={preview.committed ? 'success' : preview.errorRows ? 'warning' : 'info'}
                showIcon
                message={
                  preview.committed
                    ? t('imported', {
                        created: preview.created,
                        skipped: preview.validRows - preview.created,
                      })
                    : t('previewSummary', {
                        total: preview.totalRows,
                        valid: preview.validRows,
                        existing: preview.existing,
                        errors: preview.errorRows,
                      })
                }
                action={
                  !preview.committed && toImport > 0 ? (
                    <Button
                      type="primary"
                      id="aed-import-commit"
                      loading={busy}
                      onClick={() => void commit()}
                    >
                      {t('confirmImport', { n: toImport })}
                    </Button>
                  ) : null
                }
              />
              {preview.errors.length > 0 && (
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.column}`}
                  dataSource={preview.errors}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: t('row'), dataIndex: 'row', width: 70 },
                    { title: t('column'), dataIndex: 'column', width: 140 },
                    { title: t('message'), dataIndex: 'message' },
                  ]}
                />
              )}
              <Table
                size="small"
                rowKey="row"
                dataSource={preview.sample}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('row'), dataIndex: 'row', width: 70 },
                  { title: t('serial'), dataIndex: 'serial' },
                  { title: t('venueName'), dataIndex: 'venueName' },
                  { title: t('address'), dataIndex: 'address' },
                  {
                    title: '',
                    render: (_, s) =>
                      s.existing ? <Tag>{t('existing')}</Tag> : <Tag color="blue">{t('fresh')}</Tag>,
                  },
                ]}
              />
            </>
          )}
        </Space>
      </Card>
    </Page>
  );
}
