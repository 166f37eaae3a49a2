import { Alert, Button, Form, Input, InputNumber, Select, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ProFormDependency, ProFormTextArea } from '@ant-design/pro-components';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIMES,
  createWriteOffSchema,
  WRITE_OFF_REASON_LABELS,
  WRITE_OFF_REASONS,
  type AttachmentMime,
  type CreateWriteOffInput,
  type WriteOffReason,
} from '@boai/contracts';
import { useState } from 'react';
import { zodRule } from '../../../lib/forms.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { readAsBase64 } from '../../gift-import/api.ts';
import { STOCK_OPS_KEY, stockOpsApi } from './api.ts';
import { stockOpsDict } from './dict.ts';

type Photo = { fileName: string; mime: AttachmentMime; contentBase64: string };
type Values = { batchCode?: string; quantity: number; reason: WriteOffReason; note?: string; photo?: Photo };

/** The batch a write-off starts from when it comes from a list (the expiry list's 申请报废). */
export type WriteOffPreset = {
  batchId: number;
  batchCode: string;
  itemName: string;
  free: number;
  expired: boolean;
};

const shape = createWriteOffSchema.shape;

/** A photo picked for upload, kept in the form as the contract wants it (Base64 with its type). */
function PhotoField({ value, onChange }: { value?: Photo; onChange?: (v: Photo | undefined) => void }) {
  const t = useT(stockOpsDict);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Upload
        accept=".jpg,.jpeg,.png,.pdf"
        showUploadList={false}
        beforeUpload={(f) => {
          setError(null);
          if (!(ATTACHMENT_MIMES as readonly string[]).includes(f.type)) setError(t('photoType'));
          else if (f.size > ATTACHMENT_MAX_BYTES) setError(t('photoTooLarge'));
          else
            void readAsBase64(f, () => undefined).then((contentBase64) =>
              onChange?.({ fileName: f.name, mime: f.type as AttachmentMime, contentBase64 }),
            );
          return false;
        }}
      >
        <Button icon={<PaperClipOutlined />}>{value ? value.fileName : t('attachPhoto')}</Button>
      </Upload>
      {value && (
        <Button type="link" onClick={() => onChange?.(undefined)}>
          ×
        </Button>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </>
  );
}

/** 申请报废: from a batch in a list or a scanned/typed code; the photo is optional, a note needed for “other”. */
export function WriteOffForm({
  open,
  onClose,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  preset?: WriteOffPreset;
}) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const toInput = (v: Values): CreateWriteOffInput => ({
    ...(preset ? { batchId: preset.batchId } : { batchCode: v.batchCode!.trim() }),
    quantity: v.quantity,
    reason: v.reason,
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    ...(v.photo ? { photo: v.photo } : {}),
  });
  return (
    <MutationForm<Values>
      title={preset ? `${t('writeOffTitle')} · ${preset.itemName} ${preset.batchCode}` : t('writeOffTitle')}
      open={open}
      onClose={onClose}
      initialValues={preset ? { quantity: preset.free, reason: preset.expired ? 'expired' : undefined } : {}}
      submit={(v) => stockOpsApi.requestWriteOff(toInput(v))}
      invalidate={[STOCK_OPS_KEY]}
      successText={t('writeOffRequested')}
      submitId="write-off-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('writeOffHint')} />
      {!preset && (
        <Form.Item
          name="batchCode"
          label={t('batchCode')}
          rules={[
            { required: true, message: tc('required', { field: t('batchCode') }) },
            zodRule(shape.batchCode),
          ]}
        >
          <Input id="write-off-batch" placeholder={t('batchHint')} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="quantity"
        label={preset ? `${t('quantity')}（${t('free')} ${preset.free}）` : t('quantity')}
        rules={[
          { required: true, message: tc('required', { field: t('quantity') }) },
          zodRule(shape.quantity),
        ]}
      >
        <InputNumber<number> id="write-off-quantity" min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('reason')}
        rules={[{ required: true, message: tc('select', { field: t('reason') }) }]}
      >
        <Select
          id="write-off-reason"
          options={WRITE_OFF_REASONS.map((r) => ({ value: r, label: label(WRITE_OFF_REASON_LABELS[r]) }))}
        />
      </Form.Item>
      <ProFormDependency name={['reason']}>
        {({ reason }) => (
          <ProFormTextArea
            name="note"
            label={t('explain')}
            fieldProps={{ id: 'write-off-note', maxLength: 500, showCount: true }}
            rules={[
              ...(reason === 'other'
                ? [{ required: true, whitespace: true, message: tc('required', { field: t('explain') }) }]
                : []),
              zodRule(shape.note),
            ]}
          />
        )}
      </ProFormDependency>
      <Form.Item name="photo" label={t('photo')}>
        <PhotoField />
      </Form.Item>
    </MutationForm>
  );
}
