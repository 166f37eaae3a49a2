/** 14 digits: year, issuing society (4), sequence (6) — e.g. 20260003000042. Sortable and dense per series. */
export const receiptNumber = (year: number, orgId: number, seq: number) =>
  `${year}${String(orgId).padStart(4, '0')}${String(seq).padStart(6, '0')}`;
