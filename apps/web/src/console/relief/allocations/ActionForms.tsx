import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Table, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ProFormDependency, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import {
  ALLOCATION_PHOTO_MAX_BYTES,
  ALLOCATION_PHOTO_MIMES,
  approveAllocationSchema,
  cancelAllocationSchema,
  shipAllocationSchema,
  signAllocationSchema,
  type AllocationDetail,
  type AllocationPhotoInput,
} from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { readAsBase64 } from '../../gift-import/api.ts';
import { allocationsApi, RELIEF_KEY } from './api.ts';
import { allocationsDict } from './dict.ts';

export type Decision = 'approve' | 'reject' | 'cancel';

/** 审批通过 (optional comment), 驳回 (comment required), 撤销 (reason required). */
export function DecisionForm({
  allocation,
  decision,
  onClose,
}: {
  allocation: AllocationDetail;
  decision: Decision;
  onClose: () => void;
}) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const field = decision === 'cancel' ? 'reason' : 'comment';
  const required = decision !== 'approve';
  return (
    <MutationForm<{ text?: string }>
      title={`${t(decision)} · ${t('id')} ${allocation.id}`}
      open
      onClose={onClose}
      submit={(v) =>
        decision === 'approve'
          ? allocationsApi.approve(allocation.id, v.text?.trim() || undefined)
          : decision === 'reject'
            ? allocationsApi.reject(allocation.id, v.text!.trim())
            : allocationsApi.cancel(allocation.id, v.text!.trim())
      }
      invalidate={[RELIEF_KEY]}
      submitId={`allocation-${decision}-submit`}
    >
      {decision !== 'approve' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(decision === 'reject' ? 'rejectHint' : 'cancelHint')}
        />
      )}
      <ProFormTextArea
        name="text"
        label={t(field)}
        fieldProps={{ id: `allocation-${decision}-text`, maxLength: 200 }}
        rules={[
          ...(required
            ? [{ required: true, whitespace: true, message: tc('required', { field: t(field) }) }]
            : []),
          zodRule(
            decision === 'cancel'
              ? cancelAllocationSchema.shape.reason
              : approveAllocationSchema.shape.comment,
          ),
        ]}
      />
    </MutationForm>
  );
}

/** 发运: carrier and waybill; the server checks every pick is complete. */
export function ShipForm({ allocation, onClose }: { allocation: AllocationDetail; onClose: () => void }) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const shape = shipAllocationSchema.shape;
  return (
    <MutationForm<{ carrier: string; trackingNo?: string; note?: string }>
      title={`${t('ship')} · ${t('id')} ${allocation.id}`}
      open
      onClose={onClose}
      submit={(v) =>
        allocationsApi.ship(allocation.id, {
          carrier: v.carrier.trim(),
          trackingNo: v.trackingNo?.trim() || undefined,
          note: v.note?.trim() || undefined,
        })
      }
      invalidate={[RELIEF_KEY]}
      successText={t('shippedOk')}
      submitId="allocation-ship-submit"
    >
      <ProFormText
        name="carrier"
        label={t('carrier')}
        fieldProps={{ id: 'allocation-carrier', maxLength: 100 }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('carrier') }) },
          zodRule(shape.carrier),
        ]}
      />
      <ProFormText
        name="trackingNo"
        label={t('trackingNo')}
        fieldProps={{ id: 'allocation-tracking', maxLength: 100 }}
        rules={[zodRule(shape.trackingNo)]}
      />
      <ProFormText
        name="note"
        label={t('shipNote')}
        fieldProps={{ maxLength: 200 }}
        rules={[zodRule(shape.note)]}
      />
    </MutationForm>
  );
}

/** The photo of the signed delivery note, kept in the form as the contract wants it. */
function PhotoField({
  value,
  onChange,
}: {
  value?: AllocationPhotoInput;
  onChange?: (v: AllocationPhotoInput | undefined) => void;
}) {
  const t = useT(allocationsDict);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Upload
        accept=".jpg,.jpeg,.png"
        showUploadList={false}
        beforeUpload={(f) => {
          setError(null);
          if (!(ALLOCATION_PHOTO_MIMES as readonly string[]).includes(f.type)) setError(t('photoType'));
          else if (f.size > ALLOCATION_PHOTO_MAX_BYTES) setError(t('photoTooLarge'));
          else
            void readAsBase64(f, () => undefined).then((contentBase64) =>
              onChange?.({ fileName: f.name, mime: f.type as AllocationPhotoInput['mime'], contentBase64 }),
            );
          return false;
        }}
      >
        <Button id="allocation-sign-photo" icon={<PaperClipOutlined />}>
          {value ? value.fileName : t('attachPhoto')}
        </Button>
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

type SignValues = {
  signerName: string;
  received: Record<string, number | undefined>;
  note?: string;
  photo?: AllocationPhotoInput;
};

/** 签收: who signed, what arrived per batch (all that was shipped by default), the photo of the note. */
export function SignForm({
  allocation,
  onClose,
  onDone,
}: {
  allocation: AllocationDetail;
  onClose: () => void;
  onDone?: () => void;
}) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const shape = signAllocationSchema.shape;
  const differs = (r: SignValues['received'] | undefined) =>
    allocation.picks.some((p) => (r?.[p.id] ?? p.quantity) !== p.quantity);
  return (
    <MutationForm<SignValues>
      kind="drawer"
      title={`${t('sign')} · ${t('id')} ${allocation.id}`}
      open
      onClose={onClose}
      width={640}
      initialValues={{ received: Object.fromEntries(allocation.picks.map((p) => [p.id, p.quantity])) }}
      submit={(v) =>
        allocationsApi.sign(allocation.id, {
          signerName: v.signerName.trim(),
          picks: allocation.picks.map((p) => ({ pickId: p.id, receivedQty: v.received[p.id] ?? p.quantity })),
          note: v.note?.trim() || undefined,
          photo: v.photo,
        })
      }
      onSuccess={onDone}
      invalidate={[RELIEF_KEY]}
      successText={t('signedOk')}
      submitId="allocation-sign-submit"
    >
      <ProFormText
        name="signerName"
        label={t('signerName')}
        fieldProps={{ id: 'allocation-signer', maxLength: 50 }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('signerName') }) },
          zodRule(shape.signerName),
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={allocation.picks}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('item'), dataIndex: 'itemName' },
          { title: t('batchCode'), dataIndex: 'batchCode' },
          { title: t('toPick'), render: (_, p) => `${p.quantity} ${p.unit}` },
          {
            title: t('receivedQty'),
            render: (_, p, i) => (
              <Form.Item name={['received', String(p.id)]} noStyle>
                <InputNumber id={`allocation-received-${i}`} min={0} max={p.quantity} precision={0} />
              </Form.Item>
            ),
          },
        ]}
      />
      <ProFormDependency name={['received']}>
        {({ received }: Partial<Pick<SignValues, 'received'>>) => (
          <ProFormTextArea
            name="note"
            label={t('signNote')}
            fieldProps={{ id: 'allocation-sign-note', maxLength: 500 }}
            rules={[
              ...(differs(received)
                ? [{ required: true, whitespace: true, message: t('signNoteRequired') }]
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
