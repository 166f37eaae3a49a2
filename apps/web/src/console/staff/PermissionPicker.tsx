import { Checkbox, Col, Row, Typography } from 'antd';
import { PERMISSIONS, permissionList, type Permission } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { staffDict } from './dict.ts';

type Props = { id?: string; value?: string[]; onChange?: (value: string[]) => void; disabled?: boolean };

/** Permissions grouped by module (the part before ':'), in catalogue order. */
const groups: [string, Permission[]][] = Object.entries(
  permissionList.reduce<Record<string, Permission[]>>((acc, p) => {
    const module = p.split(':')[0] ?? p;
    (acc[module] ??= []).push(p);
    return acc;
  }, {}),
);

/** The permission catalogue as grouped checkboxes, with a select-all per module. A form control (value/onChange). */
export function PermissionPicker({ id, value = [], onChange, disabled }: Props) {
  const t = useT(staffDict);
  const label = useLabel();
  const chosen = new Set(value);
  const set = (perms: Permission[], on: boolean) => {
    const next = new Set(chosen);
    perms.forEach((p) => (on ? next.add(p) : next.delete(p)));
    // Keep the catalogue's order, and anything the catalogue no longer knows as it was.
    onChange?.([...permissionList.filter((p) => next.has(p)), ...value.filter((p) => !(p in PERMISSIONS))]);
  };
  const groupTitle = (module: string) => {
    const key = `group_${module}` as keyof typeof staffDict;
    return key in staffDict ? t(key) : module;
  };

  return (
    <div id={id} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {groups.map(([module, perms]) => {
        const count = perms.filter((p) => chosen.has(p)).length;
        return (
          <div key={module} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px' }}>
            <Checkbox
              checked={count === perms.length}
              indeterminate={count > 0 && count < perms.length}
              disabled={disabled}
              onChange={(e) => set(perms, e.target.checked)}
            >
              <Typography.Text strong>{groupTitle(module)}</Typography.Text>
            </Checkbox>
            <Row gutter={[8, 4]} style={{ marginTop: 6, paddingInlineStart: 24 }}>
              {perms.map((p) => (
                <Col key={p} xs={24} sm={12}>
                  <Checkbox
                    value={p}
                    checked={chosen.has(p)}
                    disabled={disabled}
                    onChange={(e) => set([p], e.target.checked)}
                  >
                    {label(PERMISSIONS[p])}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {p}
                    </Typography.Text>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </div>
        );
      })}
    </div>
  );
}
