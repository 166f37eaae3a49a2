import { fenToChineseCapital, formatFen, shanghaiDate } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { createPdf, pdfBuffer, qrPng } from '../../platform/pdf/document.ts';
import { orgNamesById } from '../orgs/index.ts';
import { receiptVerifyUrl } from './receipt-pdf.ts';
import { ANONYMOUS_NAME } from './repository.ts';
import { appeals, donors, gifts, receipts } from './schema.ts';

const RED = '#c8161d';

/** 壹佰元 → "¥100.00（壹佰元整）" style wording used in the certificate sentence. */
const amountWords = (fen: number) => `人民币${fenToChineseCapital(fen)}（¥${formatFen(fen)}）`;

/**
 * 捐赠证书 for one gift, given to the donor (A4 landscape). It names the donor as they are known to
 * the society — a certificate goes to the donor alone — except anonymous givers, who are 爱心人士.
 * Callers decide who may fetch it (staff in scope, the paying browser's token, the donor's own
 * self-service session); a gift without a live receipt has no certificate.
 */
export async function certificatePdf(
  q: Queryable,
  giftId: number,
  publicUrl: string,
): Promise<{ number: string; pdf: Buffer }> {
  const [row] = await q
    .select({ gift: gifts, donor: donors, receipt: receipts, appealName: appeals.name })
    .from(gifts)
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
    .leftJoin(appeals, eq(appeals.id, gifts.appealId))
    .where(eq(gifts.id, giftId));
  if (!row) throw notFound();
  if (row.gift.status !== 'confirmed') throw conflict('GIFT_CANCELLED');
  if (!row.receipt) throw conflict('RECEIPT_PENDING');
  const { gift, donor, receipt } = row;
  const orgName = (await orgNamesById(q, [gift.orgId])).get(gift.orgId) ?? '';
  const name = donor.kind === 'anonymous' ? ANONYMOUS_NAME : donor.name;
  const designation = row.appealName ?? gift.purpose;
  const what =
    gift.form === 'goods' ? `价值${amountWords(gift.amountFen)}的物资` : amountWords(gift.amountFen);

  const doc = createPdf({ size: 'A4', layout: 'landscape', title: `捐赠证书 ${receipt.number}` });
  const { width, height } = doc.page;
  doc
    .lineWidth(6)
    .strokeColor(RED)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(36, 36, width - 72, height - 72)
    .stroke();

  doc.fillColor(RED).font('zh-bold').fontSize(38);
  doc.text('捐 赠 证 书', 0, 86, { width, align: 'center', characterSpacing: 6 });
  doc.font('zh').fontSize(11).fillColor('#b55');
  doc.text('CERTIFICATE OF DONATION', 0, 136, { width, align: 'center', characterSpacing: 2 });

  const left = 110;
  const inner = width - 220;
  doc.fillColor('#222').font('zh-bold').fontSize(20);
  doc.text(`${name}：`, left, 190, { width: inner });
  doc.font('zh').fontSize(15);
  doc.text(
    `您于 ${gift.receivedOn} 向${orgName}捐赠${what}` +
      `，用于${designation ?? '红十字人道公益事业'}。` +
      '您的爱心善举将帮助需要帮助的人。特颁此证，以资感谢！',
    left + 30,
    232,
    { width: inner - 30, lineGap: 10 },
  );

  const footY = height - 170;
  doc.fontSize(11).fillColor('#444');
  doc.text(`证书编号：ZS${receipt.number}`, left, footY);
  doc.text(`对应捐赠票据：${receipt.number}`, left, footY + 20);
  doc.text(`颁发日期：${shanghaiDate(receipt.issuedAt)}`, left, footY + 40);

  // Seal area: the society's seal (or e-seal) goes over the dashed circle, above its name.
  const sealX = width / 2 + 110;
  doc
    .dash(3, { space: 3 })
    .strokeColor(RED)
    .circle(sealX, footY + 20, 44)
    .stroke()
    .undash();
  doc.font('zh-bold').fontSize(14).fillColor('#222');
  doc.text(orgName, sealX - 150, footY + 74, { width: 300, align: 'center' });

  const qrSize = 88;
  const qrX = width - 110 - qrSize;
  doc.image(await qrPng(receiptVerifyUrl(publicUrl, receipt.number)), qrX, footY - 10, { width: qrSize });
  // Text below the QR sits inside the bottom margin; without lifting it pdfkit would start a new page.
  doc.page.margins.bottom = 0;
  doc.font('zh').fontSize(9).fillColor('#666');
  doc.text('扫码查验', qrX, footY + qrSize - 4, { width: qrSize, align: 'center', lineBreak: false });
  return { number: receipt.number, pdf: await pdfBuffer(doc) };
}
