import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';

export function Forbidden() {
  const t = useT(commonDict);
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('forbidden')}
      extra={
        <Link to="/console">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const t = useT(commonDict);
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={
        <Link to="/console">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
