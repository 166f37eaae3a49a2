/** What other modules (import, payments, disbursements, disclosure, relief) may use of donations. */
export { appeals, donors, giftItems, gifts, receipts } from './schema.ts';
export { recordGift, checkGiftTargets, type GiftRow, type RecordGiftInput } from './record-gift.ts';
export { registerDonor } from './register-donor.ts';
export { receiptDeskFor, type ReceiptDesk } from './receipt-desk.ts';
export { publicDonorName, ANONYMOUS_NAME } from './repository.ts';
export { getGift, presentGifts } from './list-gifts.ts';
export { certificatePdf } from './certificate-pdf.ts';
export { donorPhoneCodes, donorSessions } from './schema.ts';
export { verifyReceipt } from './verify-receipt.ts';
export { receiptPdf } from './receipt-pdf.ts';
export { donationLedgerEntries } from './ledger-entries.ts';
export { setGoodsStockStatus } from './set-goods-stock-status.ts';
