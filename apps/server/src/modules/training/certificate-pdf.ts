import { COURSE_KIND_LABELS, type CourseKind } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { createPdf, pdfBuffer, qrPng } from '../../platform/pdf/document.ts';
import { maskIdCard, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import type { CertificateRow } from './repository.ts';
import { trainingClasses, trainingCourses, trainingTrainees } from './schema.ts';

const RED = '#c8161d';

export const certificateVerifyUrl = (publicUrl: string, number: string) =>
  `${publicUrl.replace(/\/$/, '')}/p/certificates/${number}`;

/**
 * The certificate as printed (A5 landscape): holder, course and hours, issuing society, dates, a photo
 * slot to paste a 1-inch photo on, and a QR code to the public check. The paper says what was issued;
 * whether it still holds is what the QR page says at the moment it is scanned. The 身份证 is printed
 * masked: the paper travels, and the check needs the name, not the number.
 */
export async function certificatePdf(
  q: Queryable,
  pii: PiiVault,
  cert: CertificateRow,
  publicUrl: string,
): Promise<Buffer> {
  const [info] = await q
    .select({
      courseName: trainingCourses.name,
      hours: trainingCourses.hours,
      idCardEnc: trainingTrainees.idCardEnc,
    })
    .from(trainingClasses)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
    .innerJoin(trainingTrainees, eq(trainingTrainees.id, cert.traineeId))
    .where(eq(trainingClasses.id, cert.classId));
  const orgName = (await orgNamesById(q, [cert.orgId])).get(cert.orgId) ?? '';
  const kindLabel = COURSE_KIND_LABELS[cert.kind as CourseKind].zh;

  const doc = createPdf({ size: 'A5', layout: 'landscape', title: `${kindLabel}证 ${cert.number}` });
  const { width, height } = doc.page;
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(16, 16, width - 32, height - 32)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  // The red cross, drawn: no image file to ship.
  doc.fillColor(RED).rect(48, 44, 8, 24).fill().rect(40, 52, 24, 8).fill();

  doc.fillColor(RED).font('zh-bold').fontSize(24);
  doc.text(`${kindLabel}证`, 0, 40, { width, align: 'center', characterSpacing: 4 });
  doc.font('zh').fontSize(9).fillColor('#b55');
  doc.text('红十字应急救护培训 · FIRST AID TRAINING CERTIFICATE', 0, 74, {
    width,
    align: 'center',
    characterSpacing: 1,
  });

  const left = 56;
  const lines: [string, string][] = [
    ['姓　　名', cert.holderName],
    ['身份证号', info?.idCardEnc ? maskIdCard(pii.decrypt(info.idCardEnc)) : '—'],
    ['培训项目', `${info?.courseName ?? kindLabel}（${info?.hours ?? ''} 学时）`],
    ['发证单位', orgName],
    ['发证日期', cert.issuedOn],
    ['有效期至', cert.validUntil],
    ['证书编号', cert.number],
  ];
  let y = 110;
  for (const [label, value] of lines) {
    doc.font('zh').fontSize(11).fillColor('#666').text(`${label}：`, left, y, { lineBreak: false });
    doc
      .font('zh-bold')
      .fontSize(12)
      .fillColor('#222')
      .text(value, left + 72, y - 1, { width: 260, lineBreak: false });
    y += 26;
  }

  // Photo slot: 1 inch (25 × 35 mm) for the holder's photo, under the society's seal.
  const mm = 72 / 25.4;
  const photoX = width - 56 - 25 * mm;
  doc
    .dash(3, { space: 3 })
    .lineWidth(0.8)
    .strokeColor('#999')
    .rect(photoX, 108, 25 * mm, 35 * mm)
    .stroke()
    .undash();
  doc
    .font('zh')
    .fontSize(9)
    .fillColor('#999')
    .text('照片', photoX, 108 + 17 * mm, { width: 25 * mm, align: 'center' });

  const qrSize = 72;
  const qrX = width - 56 - qrSize;
  const qrY = height - 48 - qrSize - 12;
  doc.image(await qrPng(certificateVerifyUrl(publicUrl, cert.number)), qrX, qrY, { width: qrSize });
  doc.page.margins.bottom = 0;
  doc.font('zh').fontSize(7.5).fillColor('#666');
  doc.text('扫码核验（需输入持证人姓名）', qrX - 24, qrY + qrSize + 2, {
    width: qrSize + 48,
    align: 'center',
    lineBreak: false,
  });
  doc.fontSize(8).text(`证书有效性以扫码核验结果为准 · ${orgName}`, left, height - 48, { lineBreak: false });
  return pdfBuffer(doc);
}
