import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';

/** A full-page refusal with a way back to the console home. */
function ErrorResult({ status }: { status: '403' | '404' }) {
  const t = useT(commonDict);
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(status === '403' ? 'forbidden' : 'notFound')}
      extra={
        <Link to="/console">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export const Forbidden = () => <ErrorResult status="403" />;
export const NotFound = () => <ErrorResult status="404" />;
