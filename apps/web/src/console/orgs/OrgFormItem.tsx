import { Form } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

/** The required "which society" field of a form (`orgId`), picked from the societies the user may see. */
export function OrgFormItem({ label, disabled }: { label: string; disabled?: boolean }) {
  const tc = useT(commonDict);
  return (
    <Form.Item
      name="orgId"
      label={label}
      rules={[{ required: true, message: tc('select', { field: label }) }]}
    >
      <OrgTreeSelect id="orgId" disabled={disabled} />
    </Form.Item>
  );
}
