import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  InputNumber,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import {
  CLASS_STATUS_LABELS,
  COURSE_KIND_LABELS,
  TRAINEE_IMPORT_MAX_BYTES,
  TRAINEE_RESULT_LABELS,
  TRAINING_SECTOR_LABELS,
  type ClassDetail,
  type IssueCertificatesResult,
  type Trainee,
  type TraineeImport,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { useCan } from '../auth/index.ts';
import { readAsBase64 } from '../gift-import/api.ts';
import { TRAINING_KEY, trainingApi } from './api.ts';
import { trainingDict } from './dict.ts';

type Phase =
  { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'checking' } | { kind: 'committing' };
type Draft = { attended: boolean | null; theoryScore: number | null; practicalScore: number | null };

const RESULT_COLORS = { pending: 'default', passed: 'green', failed: 'red' } as const;
const isScore = (v: unknown) =>
  v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100);

/** One class: its facts, roster import, results entry and certificate issue. */
export function ClassDrawer({
  id,
  onClose,
  invalidate,
}: {
  id: number;
  onClose: () => void;
  invalidate: QueryKey;
}) {
  const t = useT(trainingDict);
  const label = useLabel();
  const can = useCan();
  const manage = can('training:manage');
  const key = [...TRAINING_KEY, 'class', id];
  const q = useQuery({ queryKey: key, queryFn: () => trainingApi.classDetail(id) });
  const c = q.data;
  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(1100, window.innerWidth)}
      title={c?.title ?? ''}
      destroyOnClose
    >
      {c && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('course')}>
              {c.courseName} <Tag>{label(COURSE_KIND_LABELS[c.courseKind])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('sector')}>
              {label(TRAINING_SECTOR_LABELS[c.sector])}
            </Descriptions.Item>
            <Descriptions.Item label={t('dates')}>{`${c.startsOn} ~ ${c.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('base')}>{c.baseName ?? c.venue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('instructorIds')}>
              {c.instructors.map((i) => i.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('enrolled')}>{`${c.enrolled} / ${c.capacity}`}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <Tag id="class-status" color={c.status === 'completed' ? 'green' : 'blue'}>
                {label(CLASS_STATUS_LABELS[c.status])}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={`${t('theoryPass')} / ${t('practicalPass')}`}>
              {`${c.course.theoryPass ?? t('notExamined')} / ${c.course.practicalPass ?? t('notExamined')}`}
            </Descriptions.Item>
          </Descriptions>
          {manage && c.status === 'open' && (
            <ImportCard classId={id} onDone={() => void q.refetch()} invalidate={invalidate} />
          )}
          <Roster detail={c} manage={manage} invalidate={[key, invalidate]} />
        </>
      )}
    </Drawer>
  );
}

function ImportCard({
  classId,
  onDone,
  invalidate,
}: {
  classId: number;
  onDone: () => void;
  invalidate: QueryKey;
}) {
  const t = useT(trainingDict);
  const submit = useSubmit();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<TraineeImport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) return setError(t('wrongType'));
    if (file.size > TRAINEE_IMPORT_MAX_BYTES) return setError('> 15 MB');
    setPhase({ kind: 'reading', percent: 0 });
    try {
      const contentBase64 = await readAsBase64(file, (percent) => setPhase({ kind: 'reading', percent }));
      setPhase({ kind: 'checking' });
      const p = await submit(
        () => trainingApi.previewImport(classId, { fileName: file.name, contentBase64 }),
        { success: false, onError: setError },
      );
      if (p) setPreview(p);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };
  const commit = async () => {
    if (!preview) return;
    setPhase({ kind: 'committing' });
    const r = await submit(() => trainingApi.commitImport(preview.id), {
      invalidate: [invalidate],
      success: t('imported', { count: preview.validRows - preview.duplicates }),
      onError: setError,
    });
    setPhase({ kind: 'idle' });
    if (r) {
      setPreview(null);
      onDone();
    }
  };

  return (
    <Card
      size="small"
      title={t('importRoster')}
      style={{ marginBottom: 16 }}
      extra={
        <a href={trainingApi.templateUrl} download>
          <DownloadOutlined /> {t('template')}
        </a>
      }
    >
      <Upload.Dragger
        id="roster-upload"
        accept=".xlsx"
        showUploadList={false}
        disabled={phase.kind !== 'idle'}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('importRoster')}</p>
      </Upload.Dragger>
      {phase.kind === 'reading' && (
        <Progress percent={phase.percent} size="small" status="active" format={() => t('reading')} />
      )}
      {(phase.kind === 'checking' || phase.kind === 'committing') && (
        <Progress percent={99} size="small" status="active" showInfo={false} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {preview && (
        <div id="import-preview" style={{ marginTop: 12 }}>
          <Alert
            type={preview.errorRows ? 'warning' : 'success'}
            showIcon
            message={t('previewSummary', {
              total: preview.totalRows,
              valid: preview.validRows,
              dup: preview.duplicates,
              errors: preview.errorRows,
            })}
          />
          {preview.errors.length > 0 && (
            <ul
              id="import-errors"
              style={{ color: '#cf1322', maxHeight: 160, overflow: 'auto', margin: '8px 0' }}
            >
              {preview.errors.map((e) => (
                <li key={`${e.row}-${e.column}`}>{e.text}</li>
              ))}
            </ul>
          )}
          <Button
            id="commit-import"
            type="primary"
            style={{ marginTop: 8 }}
            disabled={preview.validRows - preview.duplicates <= 0 || phase.kind !== 'idle'}
            onClick={() => void commit()}
          >
            {t('commitImport', { count: preview.validRows - preview.duplicates })}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** The roster; for staff who manage, results are typed in place and checked as they type (0–100, whole numbers). */
function Roster({
  detail,
  manage,
  invalidate,
}: {
  detail: ClassDetail;
  manage: boolean;
  invalidate: QueryKey[];
}) {
  const t = useT(trainingDict);
  const label = useLabel();
  const submit = useSubmit();
  const qc = useQueryClient();
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [issued, setIssued] = useState<IssueCertificatesResult | null>(null);
  const { course } = detail;
  const editable = (r: Trainee) => manage && !r.certificateNumber;
  const draftOf = (r: Trainee): Draft =>
    drafts[r.id] ?? { attended: r.attended, theoryScore: r.theoryScore, practicalScore: r.practicalScore };
  const set = (r: Trainee, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [r.id]: { ...draftOf(r), ...patch } }));
  const changed = Object.keys(drafts).map(Number);
  const invalid = changed.some((id) => {
    const d = drafts[id]!;
    return !isScore(d.theoryScore) || !isScore(d.practicalScore);
  });

  const save = async () => {
    const saved = await submit(
      () =>
        trainingApi.recordResults(detail.id, {
          results: changed.map((traineeId) => {
            const d = drafts[traineeId]!;
            return {
              traineeId,
              attended: d.attended ?? false,
              ...(course.theoryPass !== null ? { theoryScore: d.theoryScore } : {}),
              ...(course.practicalPass !== null ? { practicalScore: d.practicalScore } : {}),
            };
          }),
        }),
      { invalidate },
    );
    // The saved results come back with the class; what was typed is now what is shown.
    if (saved) setDrafts({});
  };
  const issue = async () => {
    const r = await submit(() => trainingApi.issue(detail.id), { invalidate, success: false });
    if (r) {
      setIssued(r);
      await Promise.all(invalidate.map((queryKey) => qc.invalidateQueries({ queryKey })));
    }
  };

  const scoreCell = (r: Trainee, field: 'theoryScore' | 'practicalScore', examined: boolean) => {
    if (!examined) return '—';
    const d = draftOf(r);
    if (!editable(r)) return d[field] ?? '';
    const ok = isScore(d[field]);
    return (
      <InputNumber
        size="small"
        data-field={field}
        data-trainee={r.id}
        style={{ width: 72 }}
        status={ok ? undefined : 'error'}
        title={ok ? undefined : t('scoreRange')}
        value={d[field]}
        // Keep what was typed (even 101 or 8.5) so the cell can say what is wrong; the server refuses it as well.
        onChange={(v) => set(r, { [field]: v === null ? null : Number(v) })}
      />
    );
  };

  return (
    <Card
      size="small"
      title={`${t('roster')}（${detail.trainees.length}）`}
      extra={
        <Space wrap>
          <a href={trainingApi.rosterUrl(detail.id)} download>
            <DownloadOutlined /> {t('exportRoster')}
          </a>
          {manage && (
            <Button id="save-results" disabled={!changed.length || invalid} onClick={() => void save()}>
              {t('saveResults')}
            </Button>
          )}
          {manage && (
            <Popconfirm title={t('issueConfirm')} onConfirm={() => void issue()}>
              <Button id="issue-certificates" type="primary">
                {t('issue')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {issued && (
        <Alert
          id="issue-result"
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          message={t('issued', { count: issued.issued.length })}
          description={
            issued.skipped.length
              ? `${t('skipped', { count: issued.skipped.length })}${issued.skipped.map((s) => `${s.name}（${s.reason}）`).join('；')}`
              : undefined
          }
        />
      )}
      {invalid && <Typography.Text type="danger">{t('scoreRange')}</Typography.Text>}
      <Table<Trainee>
        rowKey="id"
        size="small"
        dataSource={detail.trainees}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('traineeName'), dataIndex: 'name' },
          { title: t('idCard'), dataIndex: 'idCardMasked' },
          { title: t('mobile'), dataIndex: 'mobileMasked' },
          { title: t('employer'), dataIndex: 'employer' },
          { title: t('source'), render: (_, r) => (r.source === 'online' ? t('online') : t('imported1')) },
          {
            title: t('attended'),
            render: (_, r) =>
              editable(r) ? (
                <Checkbox
                  data-field="attended"
                  data-trainee={r.id}
                  checked={!!draftOf(r).attended}
                  onChange={(e) => set(r, { attended: e.target.checked })}
                />
              ) : r.attended ? (
                '✓'
              ) : r.attended === false ? (
                '✗'
              ) : (
                ''
              ),
          },
          { title: t('theory'), render: (_, r) => scoreCell(r, 'theoryScore', course.theoryPass !== null) },
          {
            title: t('practical'),
            render: (_, r) => scoreCell(r, 'practicalScore', course.practicalPass !== null),
          },
          {
            title: t('result'),
            render: (_, r) => (
              <Tag color={RESULT_COLORS[r.result]}>{label(TRAINEE_RESULT_LABELS[r.result])}</Tag>
            ),
          },
          { title: t('certificate'), dataIndex: 'certificateNumber' },
        ]}
      />
    </Card>
  );
}
