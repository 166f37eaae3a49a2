import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { rescueHoursSchema, type RescueDeployment } from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { EVENTS_KEY, eventApi } from '../disaster-events/api.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { day, noFuture } from './TeamForm.tsx';

type Values = {
  eventName: string;
  eventId?: number | null;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  location: string;
  summary?: string;
  members: { memberId: number; hours: number }[];
};

/**
 * Events a deployment can be recorded under: those responding now and those closed this year (a team
 * is often logged after the response ends), as the server lists them for the user. The deployment's
 * own event stays a choice when it is older. Which of them fits the team the server decides.
 */
function useEventChoices(open: boolean, deployment: RescueDeployment | null) {
  const t = useT(rescueTeamDict);
  const year = new Date().getFullYear();
  const query = useQuery({
    queryKey: [...EVENTS_KEY, 'for-deployment', year],
    queryFn: async () => {
      const [active, closed] = await Promise.all([
        eventApi.list({ status: 'active', pageSize: 200 }),
        eventApi.list({ status: 'closed', year, pageSize: 200 }),
      ]);
      return [...active.items, ...closed.items];
    },
    enabled: open,
  });
  const events = (query.data ?? []).map((e) => ({
    value: e.id,
    name: e.name,
    label: `${e.name}（${e.orgName}${e.status === 'closed' ? ` · ${t('eventClosed')}` : ''}）`,
  }));
  if (deployment?.eventId && !events.some((e) => e.value === deployment.eventId))
    events.push({ value: deployment.eventId, name: deployment.eventName, label: deployment.eventName });
  return { events, loading: query.isLoading };
}

/** 出队登记 / 收队: the whole record, with one line per deployed member and their hours. */
export function DeploymentForm({
  teamId,
  deployment,
  open,
  onClose,
}: {
  teamId: number;
  deployment: RescueDeployment | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const members = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'members', teamId, 'all'],
    queryFn: () => rescueTeamApi.members(teamId, { includeLeft: 'true' }),
    enabled: open,
  });
  const choices = useEventChoices(open, deployment);
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      kind="drawer"
      width={640}
      title={deployment ? `${t('editDeployment')} · ${deployment.eventName}` : t('newDeployment')}
      open={open}
      onClose={onClose}
      submitId="rescue-deployment-save"
      invalidate={[RESCUE_TEAMS_KEY, EVENTS_KEY]}
      initialValues={
        deployment
          ? {
              ...deployment,
              summary: deployment.summary ?? undefined,
              startedOn: dayjs(deployment.startedOn),
              endedOn: deployment.endedOn ? dayjs(deployment.endedOn) : null,
              members: deployment.members.map(({ memberId, hours }) => ({ memberId, hours })),
            }
          : { startedOn: dayjs(), members: [] }
      }
      submit={(v) => {
        const event = choices.events.find((e) => e.value === v.eventId);
        const body = {
          // With an event the server records the event's own name; this only satisfies the contract.
          eventName: event ? event.name : v.eventName,
          eventId: event ? event.value : null,
          startedOn: day(v.startedOn),
          endedOn: v.endedOn ? day(v.endedOn) : null,
          location: v.location,
          summary: v.summary || null,
          members: v.members ?? [],
        };
        return deployment
          ? rescueTeamApi.updateDeployment(teamId, deployment.id, body)
          : rescueTeamApi.addDeployment(teamId, body);
      }}
    >
      <Form.Item name="eventId" label={t('eventName')} extra={t('eventHint')}>
        <Select
          id="deployment-event"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('noEvent')}
          loading={choices.loading}
          options={choices.events.map(({ value, label }) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['eventId']}>
        {({ getFieldValue }) =>
          getFieldValue('eventId') ? null : (
            <Form.Item name="eventName" label={t('eventFreeName')} rules={req(t('eventFreeName'))}>
              <Input id="deployment-event-name" maxLength={100} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="startedOn" label={t('startedOn')} rules={req(t('startedOn'))}>
          <DatePicker disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="endedOn" label={t('endedOn')}>
          <DatePicker disabledDate={noFuture} placeholder={t('ongoing')} />
        </Form.Item>
      </Space>
      <Form.Item name="location" label={t('location')} rules={req(t('location'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('summary')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Form.Item label={t('members')} required>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'memberId']} rules={req(t('member'))}>
                  <Select
                    style={{ width: 200 }}
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('member')}
                    options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'hours']} rules={[...req(t('hours')), zodRule(rescueHoursSchema)]}>
                  <InputNumber placeholder={t('hours')} min={0.1} step={0.5} style={{ width: 140 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('addMemberHours')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </MutationForm>
  );
}
