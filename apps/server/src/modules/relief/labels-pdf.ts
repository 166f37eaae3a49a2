import { BATCH_SOURCE_LABELS, LABELS_PER_SHEET, shanghaiDate, type ReliefBatch } from '@boai/contracts';
import { createPdf, pdfBuffer, qrPng } from '../../platform/pdf/document.ts';

// The common A4 24-up sheet (3 × 8 labels of 70 × 37 mm, no margins): what office suppliers sell.
const MM = 72 / 25.4;
const COLS = 3;
const ROWS = LABELS_PER_SHEET / COLS;
const W = 70 * MM;
const H = 37 * MM;
const TOP = (841.89 - ROWS * H) / 2;
const PAD = 7;
const QR = 58;
const RED = '#c8161d';

/** `text` cut to fit `width` at the current font and size, with an ellipsis when cut. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s}…`;
}

/** What a label says of where the goods came from, and whom they are meant for. */
function sourceLine(b: ReliefBatch): string {
  const kind = BATCH_SOURCE_LABELS[b.source].zh;
  if (b.source === 'gift')
    return `${kind}：${b.donorName ?? ''}${b.giftReceiptNo ? `（${b.giftReceiptNo}）` : ''}`;
  if (b.source === 'purchase') return `${kind}：${b.supplier ?? ''}`;
  return kind;
}
const designationLine = (b: ReliefBatch) =>
  [b.designatedEventName, b.designatedOrgName, b.designation].filter(Boolean).join('；');

/**
 * 批次标签: A4 sheets of 24 labels, `copies` of each batch in order (one per carton, say). Each label
 * carries the QR of the batch code (the payload is the code itself, what the scanner looks up), the
 * code large enough to type, the item and its specification, lot and expiry, where it is kept and
 * where it came from, and its designation when it has one — a designated carton must not be shipped
 * anywhere else, so the warehouse should see it on the box.
 */
export async function labelsPdf(batches: ReliefBatch[], copies: number, title: string): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title });
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const qr = new Map<string, Buffer>();
  for (const b of batches) qr.set(b.code, await qrPng(b.code));
  let n = 0;
  for (const b of batches) {
    for (let c = 0; c < copies; c++, n++) {
      if (n > 0 && n % LABELS_PER_SHEET === 0) {
        doc.addPage({ size: 'A4', margin: 0 });
      }
      const slot = n % LABELS_PER_SHEET;
      const x = (slot % COLS) * W;
      const y = TOP + Math.floor(slot / COLS) * H;
      doc
        .lineWidth(0.3)
        .strokeColor('#bbbbbb')
        .rect(x + 2, y + 2, W - 4, H - 4)
        .stroke();
      doc.image(qr.get(b.code)!, x + PAD, y + PAD, { width: QR });
      const small = (text: string, dy: number) =>
        doc
          .font('zh')
          .fontSize(6)
          .fillColor('#666666')
          .text(text, x + PAD, y + PAD + QR + dy, { width: QR, align: 'center', lineBreak: false });
      small(`${b.receivedQty} ${b.unit}`, 1);
      small(`入库 ${shanghaiDate(new Date(b.receivedAt))}`, 8.5);

      const tx = x + PAD + QR + 6;
      const tw = W - (tx - x) - PAD;
      let ty = y + PAD + 1;
      const line = (text: string, font: 'zh' | 'zh-bold', size: number, gap: number, color = '#222222') => {
        doc.font(font).fontSize(size).fillColor(color);
        if (text) doc.text(fit(doc, text, tw), tx, ty, { lineBreak: false });
        ty += gap;
      };
      line(b.code, 'zh-bold', 13, 16, '#000000');
      line(b.itemName, 'zh-bold', 9, 11.5);
      line(b.spec ?? '', 'zh', 7, 9.5, '#444444');
      line(`批号：${b.lotNo ?? '—'}`, 'zh', 7, 9.5);
      line(`有效期至：${b.expiresOn ?? '—'}`, 'zh', 7, 9.5);
      line(`${b.warehouseName}${b.locationCode ? ` · ${b.locationCode}` : ''}`, 'zh', 7, 9.5, '#444444');
      line(sourceLine(b), 'zh', 7, 9.5, '#444444');
      // The designation across the whole label, in red: the one thing that must not be missed.
      const designation = designationLine(b);
      if (designation) {
        doc.font('zh-bold').fontSize(7.5).fillColor(RED);
        doc.text(fit(doc, `定向：${designation}`, W - 2 * PAD), x + PAD, y + H - PAD - 10, {
          lineBreak: false,
        });
      }
    }
  }
  return pdfBuffer(doc);
}
