import { Input } from 'antd';
import { SCAN_AMOUNT_CHIPS_YUAN } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { donateDict } from './dict.ts';
import styles from './donate.module.css';

/**
 * The amount, as yuan text: one tap on a chip (10/50/100/500 元) or any amount typed under 其他金额.
 * The form validates the text with the contract's rule, so the chips and the typed amount are one field.
 */
export function AmountPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const t = useT(donateDict);
  const chips = SCAN_AMOUNT_CHIPS_YUAN.map(String);
  const isChip = value !== undefined && chips.includes(value);
  const other = value !== undefined && !isChip;
  return (
    <div>
      <div className={styles.chips} role="radiogroup" aria-label={t('amount')}>
        {chips.map((yuan) => (
          <button
            key={yuan}
            type="button"
            role="radio"
            aria-checked={value === yuan}
            className={`${styles.chip} ${value === yuan ? styles.chipActive : ''}`}
            onClick={() => onChange?.(yuan)}
          >
            {t('yuan', { n: yuan })}
          </button>
        ))}
        <button
          type="button"
          role="radio"
          aria-checked={other}
          className={`${styles.chip} ${other ? styles.chipActive : ''}`}
          onClick={() => onChange?.('')}
        >
          {t('other')}
        </button>
      </div>
      {other && (
        <Input
          id="donate-amount-other"
          autoFocus
          inputMode="decimal"
          size="large"
          prefix="¥"
          placeholder={t('otherPlaceholder')}
          value={value}
          onChange={(e) => onChange?.(e.target.value.trim())}
          style={{ marginTop: 8 }}
        />
      )}
    </div>
  );
}
