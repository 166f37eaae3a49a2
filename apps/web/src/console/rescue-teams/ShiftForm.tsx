import { Button, DatePicker, Form, Input, Popconfirm, Select, Switch, TimePicker } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { STANDBY_LEVEL_LABELS, STANDBY_LEVELS, type DutyShift, type StandbyLevel } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { day } from './TeamForm.tsx';

/** A new shift of a team on a day, or an existing one to change or cancel. */
export type ShiftTarget = { teamId: number; dutyDate?: string; shift?: DutyShift };
type Values = {
  dutyDate: Dayjs;
  allDay: boolean;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  standbyLevel: StandbyLevel;
  memberIds: number[];
  notes?: string;
};
const hm = (d: Dayjs | null | undefined) => (d ? dayjs(d).format('HH:mm') : null);

/** 排班 / 调整排班. Overlaps are judged by the server, which names the member and the other shift. */
export function ShiftForm({ target, onClose }: { target: ShiftTarget | null; onClose: () => void }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const run = useSubmit();
  const teamId = target?.teamId;
  const members = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'members', teamId, 'serving'],
    queryFn: () => rescueTeamApi.members(teamId!),
    enabled: !!teamId,
  });
  const s = target?.shift;
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      title={s ? `${t('editShift')} · ${s.teamName}` : t('newShift')}
      open={target !== null}
      onClose={onClose}
      submitId="rescue-shift-save"
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={
        s
          ? {
              dutyDate: dayjs(s.dutyDate),
              allDay: s.allDay,
              startTime: s.startTime ? dayjs(`2000-01-01T${s.startTime}`) : null,
              endTime: s.endTime ? dayjs(`2000-01-01T${s.endTime}`) : null,
              standbyLevel: s.standbyLevel,
              memberIds: s.members.map((m) => m.id),
              notes: s.notes ?? undefined,
            }
          : { dutyDate: dayjs(target?.dutyDate), allDay: true, standbyLevel: 'level2', memberIds: [] }
      }
      submit={(v) => {
        const body = {
          dutyDate: day(v.dutyDate),
          allDay: v.allDay,
          startTime: v.allDay ? null : hm(v.startTime),
          endTime: v.allDay ? null : hm(v.endTime),
          standbyLevel: v.standbyLevel,
          memberIds: v.memberIds,
          notes: v.notes || null,
        };
        return s ? rescueTeamApi.updateShift(teamId!, s.id, body) : rescueTeamApi.addShift(teamId!, body);
      }}
    >
      {s && (
        <Popconfirm
          title={t('cancelShiftConfirm')}
          onConfirm={async () => {
            const done = await run(() => rescueTeamApi.deleteShift(teamId!, s.id), {
              invalidate: [RESCUE_TEAMS_KEY],
            });
            if (done) onClose();
          }}
        >
          <Button danger icon={<DeleteOutlined />} style={{ marginBottom: 16 }}>
            {t('cancelShift')}
          </Button>
        </Popconfirm>
      )}
      <Form.Item name="dutyDate" label={t('dutyDate')} rules={req(t('dutyDate'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="allDay" label={t('allDay')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={['allDay']}>
        {({ getFieldValue }) =>
          getFieldValue('allDay') ? null : (
            <>
              <Form.Item name="startTime" label={t('startTime')} rules={req(t('startTime'))}>
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="endTime"
                label={t('endTime')}
                extra={t('overnightHint')}
                dependencies={['startTime']}
                rules={[
                  ...req(t('endTime')),
                  ({ getFieldValue: get }) => ({
                    validator: async (_r, v: Dayjs | null) => {
                      if (v && hm(v) === hm(get('startTime'))) throw new Error(t('sameTime'));
                    },
                  }),
                ]}
              >
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
      <Form.Item name="standbyLevel" label={t('standbyLevel')} rules={req(t('standbyLevel'))}>
        <Select options={STANDBY_LEVELS.map((l) => ({ value: l, label: label(STANDBY_LEVEL_LABELS[l]) }))} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('onDuty')} rules={req(t('onDuty'))}>
        <Select
          mode="multiple"
          loading={members.isPending}
          optionFilterProp="label"
          options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input maxLength={200} />
      </Form.Item>
    </MutationForm>
  );
}
