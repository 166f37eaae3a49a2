import type { Rule } from 'antd/es/form';
import { MoneyFormatError, parseYuan, type MoneyFormatReason } from '@boai/contracts';
import type { Translate } from '../../lib/i18n.tsx';
import type { donationsDict } from './dict.ts';

type T = Translate<typeof donationsDict>;

const REASON_KEYS: Record<MoneyFormatReason, Parameters<T>[0]> = {
  format: 'amountFormat',
  negative: 'amountPositive',
  precision: 'amountPrecision',
  range: 'amountRange',
  not_integer: 'amountFormat',
};

/**
 * A yuan amount typed in a form (a string, so "0.1" is never a float) as a positive number of fen.
 * Empty passes: whether the field is required is said on its Form.Item.
 */
export function yuanRule(t: T): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      let fen: number;
      try {
        fen = parseYuan(value);
      } catch (error) {
        throw new Error(error instanceof MoneyFormatError ? t(REASON_KEYS[error.reason]) : t('amountFormat'));
      }
      if (fen <= 0) throw new Error(t('amountPositive'));
    },
  };
}

/** The fen of an optional amount that already passed `yuanRule`. */
export const toFen = (value: string | undefined): number | null => (value?.trim() ? parseYuan(value) : null);
