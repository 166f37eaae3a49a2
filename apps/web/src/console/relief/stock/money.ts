import type { Rule } from 'antd/es/form';
import { formatFen, parseYuan } from '@boai/contracts';

/** A yuan amount typed as text (never a float) that must parse to whole fen; empty passes (say `required`). */
export const yuanRule = (message: string): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    try {
      parseYuan(value);
    } catch {
      throw new Error(message);
    }
  },
});

export const fenToYuanText = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? undefined : formatFen(fen, { grouping: false });
