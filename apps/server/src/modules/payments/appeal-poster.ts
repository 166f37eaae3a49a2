import { APPEAL_KIND_LABELS, formatFen, type PublicAppeal } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { createPdf, pdfBuffer, qrPng } from '../../platform/pdf/document.ts';
import { appeals, gifts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';

const RED = '#c8161d';

/** Where an appeal's QR code leads: the public donate page. */
export const donateUrl = (publicUrl: string, appealId: number) =>
  `${publicUrl.replace(/\/$/, '')}/p/donate/${appealId}`;

/**
 * An appeal as the public sees it: name, society, target, what it has received so far (confirmed
 * money gifts) and whether it takes gifts. Unscoped by design — this is what the donate page and
 * the public disclosure show anyway; nothing about any donor.
 */
export async function publicAppeal(q: Queryable, appealId: number): Promise<PublicAppeal> {
  const [row] = await q
    .select({
      appeal: appeals,
      orgName: orgs.name,
      orgActive: orgs.active,
      receivedFen: sql<number>`(select coalesce(sum(${gifts.amountFen}), 0)::bigint from ${gifts}
        where ${gifts.appealId} = ${appeals.id} and ${gifts.status} = 'confirmed' and ${gifts.form} = 'money')`,
      giftCount: sql<number>`(select count(*)::int from ${gifts}
        where ${gifts.appealId} = ${appeals.id} and ${gifts.status} = 'confirmed' and ${gifts.form} = 'money')`,
    })
    .from(appeals)
    .innerJoin(orgs, eq(orgs.id, appeals.orgId))
    .where(eq(appeals.id, appealId));
  if (!row) throw notFound();
  const a = row.appeal;
  return {
    id: a.id,
    name: a.name,
    orgName: row.orgName,
    kind: a.kind as PublicAppeal['kind'],
    filingNo: a.filingNo,
    targetFen: a.targetFen,
    receivedFen: Number(row.receivedFen),
    giftCount: row.giftCount,
    open: a.open && row.orgActive,
  };
}

async function appealInScope(q: Queryable, actor: Actor, appealId: number) {
  await requireAccess(q, actor, 'donations:read', appeals, appeals.id, appeals.orgId, [appealId]);
  return publicAppeal(q, appealId);
}

/** The appeal's QR code as a PNG large enough to print (600 px), for staff to place in their own material. */
export async function appealQrPng(q: Queryable, actor: Actor, appealId: number, publicUrl: string) {
  await appealInScope(q, actor, appealId);
  return QRCode.toBuffer(donateUrl(publicUrl, appealId), {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 600,
  });
}

/**
 * 扫码捐赠 poster (A4 portrait) for an appeal: society and appeal named large, the QR code in the
 * middle, what the donor gets (an electronic receipt at once), and — for a registered public
 * fundraising project — its 慈善中国 filing number, which the Charity Law requires on solicitations.
 */
export async function appealPosterPdf(q: Queryable, actor: Actor, appealId: number, publicUrl: string) {
  const a = await appealInScope(q, actor, appealId);
  const url = donateUrl(publicUrl, appealId);
  const doc = createPdf({ size: 'A4', title: `扫码捐赠 ${a.name}` });
  const { width, height } = doc.page;

  doc.rect(0, 0, width, 150).fill(RED);
  doc.fillColor('#fff').font('zh-bold').fontSize(30);
  doc.text(a.orgName, 40, 42, { width: width - 80, align: 'center' });
  doc.font('zh').fontSize(14);
  doc.text('人道  博爱  奉献', 40, 96, { width: width - 80, align: 'center', characterSpacing: 4 });

  doc.fillColor('#222').font('zh-bold').fontSize(26);
  doc.text(a.name, 50, 185, { width: width - 100, align: 'center' });
  doc.font('zh').fontSize(13).fillColor('#666');
  const kind = APPEAL_KIND_LABELS[a.kind].zh;
  const target = a.targetFen ? `  ·  募捐目标 ¥${formatFen(a.targetFen)}` : '';
  doc.text(`${kind}${target}`, 50, doc.y + 8, { width: width - 100, align: 'center' });

  const qrSize = 250;
  const qrY = 300;
  doc
    .lineWidth(2)
    .strokeColor(RED)
    .roundedRect((width - qrSize) / 2 - 16, qrY - 16, qrSize + 32, qrSize + 32, 12)
    .stroke();
  doc.image(await qrPng(url), (width - qrSize) / 2, qrY, { width: qrSize });

  doc.fillColor(RED).font('zh-bold').fontSize(24);
  doc.text('扫码捐赠', 50, qrY + qrSize + 36, { width: width - 100, align: 'center', characterSpacing: 4 });
  doc.fillColor('#333').font('zh').fontSize(13);
  doc.text(
    '用手机微信、支付宝或浏览器扫一扫，即可在线捐赠；' +
      '捐赠成功后即时获得电子捐赠票据和捐赠证书，票据可扫码查验。',
    70,
    doc.y + 10,
    { width: width - 140, align: 'center', lineGap: 4 },
  );

  const footY = height - 110;
  doc
    .moveTo(40, footY)
    .lineTo(width - 40, footY)
    .lineWidth(0.5)
    .strokeColor('#ccc')
    .stroke();
  // The footer sits inside the bottom margin; without lifting it pdfkit would start a new page.
  doc.page.margins.bottom = 0;
  doc.fontSize(10).fillColor('#666');
  const lines = [
    `募捐主体：${a.orgName}${a.filingNo ? `  ·  慈善中国备案编号：${a.filingNo}` : ''}`,
    `捐赠网址：${url}`,
    '每一笔捐赠的去向均在本会官网公示，欢迎社会监督。',
  ];
  lines.forEach((line, i) =>
    doc.text(line, 40, footY + 14 + i * 18, { width: width - 80, align: 'center', lineBreak: false }),
  );
  return { name: a.name, pdf: await pdfBuffer(doc) };
}
