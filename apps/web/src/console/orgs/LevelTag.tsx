import { Tag } from 'antd';
import { ORG_LEVEL_LABELS, type OrgLevel } from '@boai/contracts';
import { useLabel } from '../../lib/i18n.tsx';

const COLORS: Record<OrgLevel, string> = {
  national: 'red',
  province: 'volcano',
  city: 'orange',
  county: 'gold',
  town: 'blue',
  grassroots: 'default',
};

export function LevelTag({ level }: { level: OrgLevel }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[level]} bordered={false} style={{ marginInlineEnd: 0 }}>
      {label(ORG_LEVEL_LABELS[level])}
    </Tag>
  );
}
