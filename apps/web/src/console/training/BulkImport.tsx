import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Modal, Progress, Space, Table, Upload } from 'antd';
import { CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import type { BulkImport as Job } from '@boai/contracts';
import { ApiError } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { TRAINING_KEY, trainingApi } from './api.ts';
import { trainingDict } from './dict.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The .xlsx goes up as it is (no base64): a 200 000-row file is several megabytes. */
async function upload(file: File, orgId: number, classId: number | undefined): Promise<Job> {
  const q = new URLSearchParams({ orgId: String(orgId), fileName: file.name });
  if (classId) q.set('classId', String(classId));
  const res = await fetch(`/api/training/bulk-imports?${q}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': XLSX, accept: 'application/json' },
    body: file,
  });
  const body = await res.json();
  if (!res.ok) throw new ApiError(res.status, body);
  return body as Job;
}

/**
 * 大批量导入: a roster of any size whose rows name their class (班级编号), or all for one class. The
 * server works through it on its own; this polls the job for the progress bar and shows the bad rows.
 */
export function BulkImportButton() {
  const t = useT(trainingDict);
  const me = useMe().data;
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [orgId, setOrgId] = useState<number | undefined>();
  const [classId, setClassId] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useQuery({
    queryKey: [...TRAINING_KEY, 'bulk-import', jobId],
    queryFn: () => trainingApi.bulkImport(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  const j = job.data;
  const finished = j && (j.status === 'done' || j.status === 'failed');
  const org = orgId ?? me?.orgId;

  const start = async () => {
    if (!file || !org) return;
    setBusy(true);
    setError(null);
    try {
      setJobId((await upload(file, org, classId ?? undefined)).id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('uploadFailed'));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    if (finished) {
      setJobId(null);
      setFile(null);
      void client.invalidateQueries({ queryKey: TRAINING_KEY });
    }
  };

  return (
    <>
      <Button id="bulk-import" icon={<CloudUploadOutlined />} onClick={() => setOpen(true)}>
        {t('bulkImport')}
      </Button>
      <Modal
        open={open}
        title={t('bulkImport')}
        onCancel={close}
        footer={null}
        width={Math.min(720, window.innerWidth)}
        destroyOnHidden={false}
      >
        {jobId === null ? (
          <Form layout="vertical" onFinish={start}>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('bulkImportHint')} />
            <Form.Item label={t('org')} required>
              <OrgTreeSelect id="bulk-org" value={org} onChange={setOrgId} />
            </Form.Item>
            <Form.Item label={t('bulkDefaultClass')} extra={t('bulkDefaultClassHint')}>
              <InputNumber
                id="bulk-class"
                min={1}
                precision={0}
                value={classId}
                onChange={setClassId}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Form.Item label={t('file')} required>
              <Upload
                accept=".xlsx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />}>{t('chooseFile')}</Button>
              </Upload>
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Button id="bulk-start" type="primary" htmlType="submit" block loading={busy} disabled={!file}>
              {t('bulkStart')}
            </Button>
          </Form>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }} id="bulk-job">
            <Progress
              percent={Math.floor((j?.progress ?? 0) / 10)}
              status={j?.status === 'failed' ? 'exception' : j?.status === 'done' ? 'success' : 'active'}
            />
            {j && (
              <p id="bulk-counts">
                {t('bulkCounts', {
                  total: j.totalRows,
                  created: j.created,
                  duplicates: j.duplicates,
                  errors: j.errorRows,
                })}
              </p>
            )}
            {j?.failure && <Alert type="error" showIcon message={j.failure} />}
            {finished && j.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}`}
                pagination={{ pageSize: 10 }}
                dataSource={j.errors}
                columns={[
                  {
                    title: t('bulkErrors', { shown: j.errors.length, total: j.errorRows }),
                    dataIndex: 'text',
                  },
                ]}
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
