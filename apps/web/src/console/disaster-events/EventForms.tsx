import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DISASTER_TYPE_LABELS,
  DISASTER_TYPES,
  RESPONSE_LEVEL_LABELS,
  RESPONSE_LEVELS,
  createDisasterEventSchema,
  type DisasterEvent,
  type DisasterType,
  type ResponseLevel,
} from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { dayOf } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { useMe } from '../auth/index.ts';
import { OrgFormItem } from '../orgs/index.ts';
import { EVENTS_KEY, eventApi } from './api.ts';
import { eventDict } from './dict.ts';

type EventValues = {
  orgId: number;
  name: string;
  type: DisasterType;
  area: string;
  responseLevel: ResponseLevel;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  summary?: string;
};

/** The end may not come before the start: said under the field as the dates are picked. */
const endAfterStart =
  (message: string) =>
  ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: async (_: unknown, end: Dayjs | null | undefined) => {
      const start = getFieldValue('startsOn') as Dayjs | undefined;
      if (end && start && dayjs(end).isBefore(dayjs(start), 'day')) throw new Error(message);
    },
  });

/** 登记 / 修改灾害事件. The society is fixed once opened (a different society is a different event). */
export function EventForm({
  event,
  open,
  onClose,
}: {
  event: DisasterEvent | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(eventDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: me } = useMe();
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  const field = createDisasterEventSchema.shape;
  return (
    <MutationForm<EventValues>
      kind="drawer"
      width={600}
      title={event ? t('editEvent') : t('newEvent')}
      open={open}
      onClose={onClose}
      submitId="event-save"
      invalidate={[EVENTS_KEY]}
      initialValues={
        event
          ? {
              ...event,
              summary: event.summary ?? undefined,
              startsOn: dayjs(event.startsOn),
              endsOn: event.endsOn ? dayjs(event.endsOn) : null,
            }
          : { orgId: me?.orgId, type: 'typhoon', responseLevel: 'IV', startsOn: dayjs() }
      }
      submit={(v) => {
        const common = {
          name: v.name,
          type: v.type,
          area: v.area,
          responseLevel: v.responseLevel,
          startsOn: dayOf(v.startsOn)!,
          endsOn: dayOf(v.endsOn) ?? null,
          summary: v.summary || null,
        };
        return event ? eventApi.update(event.id, common) : eventApi.create({ ...common, orgId: v.orgId });
      }}
    >
      <OrgFormItem label={t('org')} disabled={!!event} />
      <Form.Item name="name" label={t('name')} rules={[...req(t('name')), zodRule(field.name)]}>
        <Input id="event-name" maxLength={100} placeholder="2026年第14号台风“海葵”防御与救灾" />
      </Form.Item>
      <Form.Item name="type" label={t('type')} rules={req(t('type'))}>
        <Select options={DISASTER_TYPES.map((v) => ({ value: v, label: label(DISASTER_TYPE_LABELS[v]) }))} />
      </Form.Item>
      <Form.Item name="responseLevel" label={t('level')} rules={req(t('level'))}>
        <Select
          options={RESPONSE_LEVELS.map((v) => ({ value: v, label: label(RESPONSE_LEVEL_LABELS[v]) }))}
        />
      </Form.Item>
      <Form.Item name="area" label={t('area')} rules={[...req(t('area')), zodRule(field.area)]}>
        <Input maxLength={200} placeholder={t('areaHint')} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('startsOn')} rules={req(t('startsOn'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label={t('endsOn')}
        dependencies={['startsOn']}
        rules={[endAfterStart(t('endBeforeStart'))]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')} rules={[zodRule(field.summary)]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </MutationForm>
  );
}

type CloseValues = { endsOn: Dayjs; summary?: string };

/** 结束响应: the last day (not after today) and the closing summary. */
export function CloseEventForm({ event, onClose }: { event: DisasterEvent | null; onClose: () => void }) {
  const t = useT(eventDict);
  const tc = useT(commonDict);
  return (
    <MutationForm<CloseValues>
      title={`${t('close')} · ${event?.name ?? ''}`}
      open={event !== null}
      onClose={onClose}
      submitId="event-close"
      invalidate={[EVENTS_KEY]}
      initialValues={{ endsOn: dayjs(), summary: event?.summary ?? undefined }}
      submit={(v) => eventApi.close(event!.id, { endsOn: dayOf(v.endsOn)!, summary: v.summary || null })}
    >
      <p style={{ color: '#8c8c8c' }}>{t('closeHint')}</p>
      <Form.Item
        name="endsOn"
        label={t('endsOn')}
        rules={[{ required: true, message: tc('required', { field: t('endsOn') }) }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) =>
            d.isAfter(dayjs(), 'day') || (!!event && d.isBefore(dayjs(event.startsOn), 'day'))
          }
        />
      </Form.Item>
      <Form.Item name="summary" label={t('closingSummary')}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </MutationForm>
  );
}
