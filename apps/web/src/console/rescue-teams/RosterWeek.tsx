import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { STANDBY_LEVEL_LABELS, type DutyShift } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { ShiftForm, type ShiftTarget } from './ShiftForm.tsx';

const LEVEL_COLORS = { level1: 'red', level2: 'orange', level3: 'blue' } as const;
type Row = { id: number; name: string; orgName: string };

/**
 * 值班表 of a week (Monday to Sunday): one row per team, one column per day. With `teamId`, that team
 * only; otherwise every active team in scope. A shift opens for editing; "+" in a cell adds one.
 */
export function RosterWeek({ teamId, active = true }: { teamId?: number; active?: boolean }) {
  const t = useT(rescueTeamDict);
  const label = useLabel();
  const manage = useCan()('relief:manage') && active;
  const [weekOf, setWeekOf] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [target, setTarget] = useState<ShiftTarget | null>(null);
  const params = { weekOf, ...(teamId ? { teamId } : {}) };
  const { data: week } = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'roster', params],
    queryFn: () => rescueTeamApi.roster(params),
    placeholderData: keepPreviousData,
  });
  const move = (days: number) => setWeekOf(dayjs(weekOf).add(days, 'day').format('YYYY-MM-DD'));
  const names = t('weekdays').split(',');
  const cell = (team: Row, date: string) => {
    const shifts = week!.shifts.filter((s) => s.teamId === team.id && s.dutyDate === date);
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {shifts.map((s: DutyShift) => (
          <Card
            key={s.id}
            size="small"
            hoverable={manage}
            onClick={manage ? () => setTarget({ teamId: team.id, shift: s }) : undefined}
            styles={{ body: { padding: 6 } }}
          >
            <Tag color={LEVEL_COLORS[s.standbyLevel]} title={label(STANDBY_LEVEL_LABELS[s.standbyLevel])}>
              {s.allDay ? t('allDay') : `${s.startTime}–${s.endTime}`}
            </Tag>
            <Typography.Text style={{ fontSize: 12 }}>
              {s.members.map((m) => m.name).join('、')}
            </Typography.Text>
          </Card>
        ))}
        {manage && (
          <Button
            size="small"
            type="dashed"
            block
            icon={<PlusOutlined />}
            aria-label={t('newShift')}
            onClick={() => setTarget({ teamId: team.id, dutyDate: date })}
          />
        )}
      </Space>
    );
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => move(-7)}>
          {t('prevWeek')}
        </Button>
        <Button onClick={() => setWeekOf(dayjs().format('YYYY-MM-DD'))}>{t('thisWeek')}</Button>
        <Button onClick={() => move(7)}>
          {t('nextWeek')} <RightOutlined />
        </Button>
        {week && <b>{t('weekOf', { from: week.days[0]!, to: week.days[6]! })}</b>}
        <Button icon={<DownloadOutlined />} href={rescueTeamApi.rosterXlsxUrl(params)} download>
          {t('export')}
        </Button>
        {Object.entries(STANDBY_LEVEL_LABELS).map(([k, v]) => (
          <Tag key={k} color={LEVEL_COLORS[k as keyof typeof LEVEL_COLORS]}>
            {label(v)}
          </Tag>
        ))}
      </Space>
      {week && week.teams.length === 0 ? (
        <Empty description={t('noShifts')} />
      ) : (
        <Table<Row>
          size="small"
          bordered
          rowKey="id"
          loading={!week}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={week?.teams ?? []}
          columns={[
            ...(teamId
              ? []
              : [
                  {
                    title: t('teams'),
                    dataIndex: 'name',
                    fixed: 'left' as const,
                    width: 180,
                    render: (_: unknown, r: Row) => (
                      <>
                        <div>{r.name}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.orgName}
                        </Typography.Text>
                      </>
                    ),
                  },
                ]),
            ...(week?.days ?? []).map((d, i) => ({
              key: d,
              title: `${names[i]} ${d.slice(5)}`,
              width: 150,
              render: (_: unknown, r: Row) => cell(r, d),
            })),
          ]}
        />
      )}
      <ShiftForm target={target} onClose={() => setTarget(null)} />
    </>
  );
}
