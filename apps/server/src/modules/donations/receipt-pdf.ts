import { fenToChineseCapital, formatFen, GIFT_CHANNEL_LABELS, shanghaiDate } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { createPdf, pdfBuffer, qrPng } from '../../platform/pdf/document.ts';
import { presentGifts } from './list-gifts.ts';
import { gifts, receipts } from './schema.ts';
import { itemsOfGifts } from './gift-detail.ts';
import { drawGoodsItemPages, goodsReceiptLine } from './receipt-goods-pages.ts';

/** Where the receipt's QR code leads: the public verification page of that number. */
export const receiptVerifyUrl = (publicUrl: string, number: string) =>
  `${publicUrl.replace(/\/$/, '')}/p/receipts/${number}`;

/**
 * The 捐赠票据 as a PDF (A5 landscape): number, date, donor, amount in figures and in capitals,
 * designation, channel, the receiving society with a seal area, and a QR code to verify it.
 * Text is real text (subset Noto Sans SC), so it can be searched, copied and checked with pdftotext.
 */
export async function receiptPdf(
  q: Queryable,
  actor: Actor,
  giftId: number,
  publicUrl: string,
): Promise<{ number: string; pdf: Buffer }> {
  await requireAccess(q, actor, 'donations:read', gifts, gifts.id, gifts.orgId, [giftId]);
  const [row] = await q.select().from(gifts).where(eq(gifts.id, giftId));
  const [gift] = await presentGifts(q, [row!]);
  if (!row!.receiptId) throw conflict('RECEIPT_PENDING');
  const r = (await q.select().from(receipts).where(eq(receipts.id, row!.receiptId)))[0]!;
  const g = gift!;
  const items = g.form === 'goods' ? (await itemsOfGifts(q, [giftId])).get(giftId)! : [];
  const doc = createPdf({ size: 'A5', layout: 'landscape', title: `捐赠票据 ${r.number}` });
  const { width } = doc.page;
  const left = 40;
  const inner = width - 80;

  doc
    .fillColor('#c8161d')
    .font('zh-bold')
    .fontSize(11)
    .text(g.orgName, left, 34, { width: inner, align: 'center' });
  doc.fontSize(22).text('捐 赠 票 据', left, 52, { width: inner, align: 'center', characterSpacing: 2 });
  doc.fillColor('#333').font('zh').fontSize(9);
  doc.text(`票据号码：${r.number}`, left, 92);
  doc.text(`开票日期：${shanghaiDate(r.issuedAt)}`, left, 92, { width: inner, align: 'right' });

  const rows: [string, string][] = [
    ['捐赠人', g.donorName],
    ['捐赠金额（大写）', fenToChineseCapital(g.amountFen)],
    ['捐赠金额（小写）', `¥${formatFen(g.amountFen)}`],
    [
      '捐赠用途',
      g.appealName
        ? `定向：${g.appealName}`
        : g.purpose
          ? `定向：${g.purpose}`
          : '非定向（用于红十字人道公益事业）',
    ],
    g.form === 'goods'
      ? ['捐赠形式 / 接收日期', goodsReceiptLine(items, g.receivedOn)]
      : ['捐赠方式 / 到账日期', `${GIFT_CHANNEL_LABELS[g.channel].zh} / ${g.receivedOn}`],
  ];
  const labelW = 130;
  const rowH = 26;
  let y = 110;
  doc.lineWidth(0.6).strokeColor('#c8161d');
  for (const [label, value] of rows) {
    doc.rect(left, y, labelW, rowH).stroke();
    doc.rect(left + labelW, y, inner - labelW, rowH).stroke();
    doc
      .font('zh')
      .fontSize(10)
      .fillColor('#555')
      .text(label, left + 8, y + 8, { width: labelW - 16, lineBreak: false });
    doc
      .font('zh-bold')
      .fillColor('#111')
      .text(value, left + labelW + 10, y + 8, { width: inner - labelW - 20, lineBreak: false });
    y += rowH;
  }

  // Seal area: the receiving society stamps (or its e-seal is applied) over this circle.
  const sealY = y + 16;
  doc
    .font('zh')
    .fontSize(9)
    .fillColor('#555')
    .text(`接收单位（盖章）：${g.orgName}`, left, sealY, { lineBreak: false });
  doc
    .dash(3, { space: 3 })
    .circle(left + 70, sealY + 50, 34)
    .stroke()
    .undash();
  // The footer sits inside the bottom margin; without lifting the margin pdfkit would start a new page.
  doc.page.margins.bottom = 0;
  doc
    .fontSize(8)
    .fillColor('#999')
    .text('印章区', left + 58, sealY + 46, { lineBreak: false });

  const qrSize = 84;
  const qrX = left + inner - qrSize;
  doc.image(await qrPng(receiptVerifyUrl(publicUrl, r.number)), qrX, sealY - 4, { width: qrSize });
  doc
    .fontSize(8)
    .fillColor('#555')
    .text('扫码查验真伪与善款去向', qrX - 30, sealY + qrSize, {
      width: qrSize + 60,
      align: 'center',
      lineBreak: false,
    });
  doc
    .fontSize(8)
    .fillColor('#888')
    .text(
      '感谢您对红十字人道事业的支持！本票据编号连续、不可修改，如有错误以红字冲销后重新开具。',
      left,
      doc.page.height - 40,
      {
        width: inner,
        align: 'center',
        lineBreak: false,
      },
    );
  if (g.form === 'goods') drawGoodsItemPages(doc, r.number, items, g.amountFen);
  return { number: r.number, pdf: await pdfBuffer(doc) };
}
