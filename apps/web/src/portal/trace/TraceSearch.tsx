import { useState } from 'react';
import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../lib/i18n.tsx';
import { tracePath } from './api.ts';
import { traceDict } from './dict.ts';

/** Receipt number → its 善款去向 page. Used on the trace page itself and on the disclosure home. */
export function TraceSearch({ initial, id = 'trace-number' }: { initial?: string; id?: string }) {
  const t = useT(traceDict);
  const navigate = useNavigate();
  const [error, setError] = useState(false);
  return (
    <Input.Search
      // A new number in the address starts the box afresh.
      key={initial}
      id={id}
      placeholder={t('searchPlaceholder')}
      defaultValue={initial}
      enterButton={t('search')}
      inputMode="numeric"
      maxLength={14}
      status={error ? 'error' : undefined}
      onChange={() => setError(false)}
      onSearch={(v) => {
        const n = v.trim();
        if (!/^\d{14}$/.test(n)) return setError(true);
        navigate(tracePath(n));
      }}
      aria-label={t('receiptNo')}
      aria-invalid={error}
      title={error ? t('badNumber') : undefined}
    />
  );
}
