import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  AED_INSPECTION_RESULT_LABELS,
  AED_INSPECTION_RESULTS,
  AED_STATUS_LABELS,
  AED_STATUSES,
  AED_VENUE_LABELS,
  AED_VENUE_TYPES,
  latitudeSchema,
  longitudeSchema,
  mobileSchema,
  type Aed,
  type AedInspectionResult,
  type AedStatus,
  type AedVenueType,
} from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { useMe } from '../auth/index.ts';
import { OrgFormItem } from '../orgs/index.ts';
import { AEDS_KEY, aedApi } from './api.ts';
import { aedDict } from './dict.ts';

type DeviceValues = {
  orgId: number;
  serial: string;
  model: string;
  venueType: AedVenueType;
  venueName: string;
  address: string;
  lat: number;
  lng: number;
  ownerUnit: string;
  responsibleName: string;
  responsibleMobile?: string;
  installedOn: Dayjs;
  batteryExpiresOn: Dayjs;
  padsExpiresOn: Dayjs;
  status: AedStatus;
};
const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');

/**
 * 登记 / 编辑 AED. Coordinates and the mobile are checked as they are typed with the contract's own
 * rules; an expiry before installation is refused by the server, under the field.
 */
export function DeviceForm({
  device,
  open,
  onClose,
}: {
  device: Aed | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(aedDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: me } = useMe();
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<DeviceValues>
      kind="drawer"
      width={640}
      title={device ? t('editTitle', { serial: device.serial }) : t('newDevice')}
      open={open}
      onClose={onClose}
      submitId="aed-save"
      invalidate={[AEDS_KEY]}
      initialValues={
        device
          ? {
              ...device,
              responsibleMobile: undefined,
              installedOn: dayjs(device.installedOn),
              batteryExpiresOn: dayjs(device.batteryExpiresOn),
              padsExpiresOn: dayjs(device.padsExpiresOn),
            }
          : { orgId: me?.orgId, venueType: 'metro', status: 'in_service' }
      }
      submit={(v) => {
        const common = {
          model: v.model,
          venueType: v.venueType,
          venueName: v.venueName,
          address: v.address,
          lat: v.lat,
          lng: v.lng,
          ownerUnit: v.ownerUnit,
          responsibleName: v.responsibleName,
          installedOn: day(v.installedOn),
          batteryExpiresOn: day(v.batteryExpiresOn),
          padsExpiresOn: day(v.padsExpiresOn),
          status: v.status,
        };
        return device
          ? aedApi.update(device.id, {
              ...common,
              ...(v.responsibleMobile ? { responsibleMobile: v.responsibleMobile } : {}),
            })
          : aedApi.create({
              ...common,
              orgId: v.orgId,
              serial: v.serial,
              responsibleMobile: v.responsibleMobile ?? '',
            });
      }}
    >
      <OrgFormItem label={t('org')} disabled={!!device} />
      <Form.Item name="serial" label={t('serial')} rules={req(t('serial'))}>
        <Input maxLength={60} disabled={!!device} />
      </Form.Item>
      <Form.Item name="model" label={t('model')} rules={req(t('model'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="venueType" label={t('venueType')} rules={req(t('venueType'))}>
        <Select options={AED_VENUE_TYPES.map((v) => ({ value: v, label: label(AED_VENUE_LABELS[v]) }))} />
      </Form.Item>
      <Form.Item name="venueName" label={t('venueName')} rules={req(t('venueName'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('address')} rules={req(t('address'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="lat"
        label={t('lat')}
        extra={t('coordsHint')}
        rules={[...req(t('lat')), zodRule(latitudeSchema)]}
        validateTrigger={['onChange', 'onBlur']}
      >
        <InputNumber style={{ width: '100%' }} step={0.000001} stringMode={false} />
      </Form.Item>
      <Form.Item name="lng" label={t('lng')} rules={[...req(t('lng')), zodRule(longitudeSchema)]}>
        <InputNumber style={{ width: '100%' }} step={0.000001} />
      </Form.Item>
      <Form.Item name="ownerUnit" label={t('ownerUnit')} rules={req(t('ownerUnit'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="responsibleName" label={t('responsibleName')} rules={req(t('responsibleName'))}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="responsibleMobile"
        label={t('responsibleMobile')}
        extra={device ? `${device.responsibleMobileMasked} · ${t('mobileKeep')}` : undefined}
        rules={[...(device ? [] : req(t('responsibleMobile'))), zodRule(mobileSchema)]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="installedOn" label={t('installedOn')} rules={req(t('installedOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="batteryExpiresOn" label={t('batteryExpiresOn')} rules={req(t('batteryExpiresOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="padsExpiresOn" label={t('padsExpiresOn')} rules={req(t('padsExpiresOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('status')} rules={req(t('status'))}>
        <Select options={AED_STATUSES.map((s) => ({ value: s, label: label(AED_STATUS_LABELS[s]) }))} />
      </Form.Item>
    </MutationForm>
  );
}

type InspectionValues = {
  inspectedOn: Dayjs;
  inspector: string;
  result: AedInspectionResult;
  notes?: string;
  batteryExpiresOn?: Dayjs;
  padsExpiresOn?: Dayjs;
};

/** 记录巡检, with the new dates of a battery or pads replaced at the visit. */
export function InspectionForm({ device, onClose }: { device: Aed | null; onClose: () => void }) {
  const t = useT(aedDict);
  const tc = useT(commonDict);
  const label = useLabel();
  return (
    <MutationForm<InspectionValues>
      title={`${t('inspect')} · ${device?.serial ?? ''}`}
      open={device !== null}
      onClose={onClose}
      invalidate={[AEDS_KEY]}
      initialValues={{ inspectedOn: dayjs(), result: 'normal' }}
      submit={(v) =>
        aedApi.inspect(device!.id, {
          inspectedOn: day(v.inspectedOn),
          inspector: v.inspector,
          result: v.result,
          ...(v.notes ? { notes: v.notes } : {}),
          ...(v.batteryExpiresOn ? { batteryExpiresOn: day(v.batteryExpiresOn) } : {}),
          ...(v.padsExpiresOn ? { padsExpiresOn: day(v.padsExpiresOn) } : {}),
        })
      }
    >
      <Form.Item name="inspectedOn" label={t('inspectedOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="inspector"
        label={t('inspector')}
        rules={[{ required: true, message: tc('required', { field: t('inspector') }) }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="result" label={t('result')} rules={[{ required: true }]}>
        <Select
          options={AED_INSPECTION_RESULTS.map((r) => ({
            value: r,
            label: label(AED_INSPECTION_RESULT_LABELS[r]),
          }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="batteryExpiresOn" label={t('replacedBattery')} extra={t('replacedHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="padsExpiresOn" label={t('replacedPads')} extra={t('replacedHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </MutationForm>
  );
}
