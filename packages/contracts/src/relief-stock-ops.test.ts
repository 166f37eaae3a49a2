import { describe, expect, it } from 'vitest';
import { createWriteOffSchema, parsePastedCounts, stocktakeCountSchema } from './relief-stock-ops.ts';

describe('a pasted count list', () => {
  it('reads code and quantity separated the ways offices type them, summing a batch found on two shelves', () => {
    const { counts, errors } = parsePastedCounts(
      'PC00000042 95\npc00000043,12\r\n\nPC00000044\t7\nPC00000042：5\nPC00000045，0',
    );
    expect(errors).toEqual([]);
    expect(counts).toEqual([
      { batchCode: 'PC00000042', countedQty: 100 },
      { batchCode: 'PC00000043', countedQty: 12 },
      { batchCode: 'PC00000044', countedQty: 7 },
      { batchCode: 'PC00000045', countedQty: 0 },
    ]);
  });

  it('names the lines it cannot read, by their number as pasted', () => {
    const { counts, errors } = parsePastedCounts('PC00000042 95\n棉被 3\nPC00000043 -2\nPC00000044');
    expect(counts).toEqual([{ batchCode: 'PC00000042', countedQty: 95 }]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });
});

describe('request shapes', () => {
  it('takes a count by line or by code, never both or neither', () => {
    expect(stocktakeCountSchema.safeParse({ lineId: 1, countedQty: 3 }).success).toBe(true);
    expect(stocktakeCountSchema.safeParse({ batchCode: 'PC00000001', countedQty: 0 }).success).toBe(true);
    expect(
      stocktakeCountSchema.safeParse({ lineId: 1, batchCode: 'PC00000001', countedQty: 3 }).success,
    ).toBe(false);
    expect(stocktakeCountSchema.safeParse({ countedQty: 3 }).success).toBe(false);
    expect(stocktakeCountSchema.safeParse({ lineId: 1, countedQty: 1.5 }).success).toBe(false);
  });

  it('wants a note when a write-off’s reason is “other”', () => {
    const base = { batchId: 1, quantity: 2 };
    expect(createWriteOffSchema.safeParse({ ...base, reason: 'damaged' }).success).toBe(true);
    const other = createWriteOffSchema.safeParse({ ...base, reason: 'other' });
    expect(other.success).toBe(false);
    expect(other.error!.issues[0]!.path).toEqual(['note']);
    expect(createWriteOffSchema.safeParse({ ...base, reason: 'other', note: '鼠咬' }).success).toBe(true);
  });
});
