import {
  ALLOCATION_STATUS_LABELS,
  formatFen,
  shanghaiDateTime,
  type AllocationDetail,
} from '@boai/contracts';
import { createPdf, pdfBuffer } from '../../platform/pdf/document.ts';

const COLUMNS = [
  { title: '序号', width: 28 },
  { title: '物资', width: 110 },
  { title: '批次标签', width: 76 },
  { title: '批号', width: 66 },
  { title: '库位', width: 48 },
  { title: '有效期至', width: 62 },
  { title: '应拣', width: 44 },
  { title: '实拣', width: 44 },
  { title: '备注', width: 37 },
] as const;
const ROW = 20;

/**
 * 拣货单: the pick list to print and carry through the warehouse, in picking order (earliest expiry
 * first, then by location). The 实拣 column is left blank for the pen when nothing is picked yet;
 * designated batches say so in 备注, so nobody swaps them for another destination by hand.
 */
export async function pickListPdf(a: AllocationDetail): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `调拨拣货单 ${a.id}` });
  const left = doc.page.margins.left;
  const bottom = doc.page.height - doc.page.margins.bottom;
  doc.font('zh-bold').fontSize(16).text('物资调拨拣货单', { align: 'center' });
  doc.moveDown(0.4).font('zh').fontSize(9);
  const facts = [
    `调拨单号：${a.id}  状态：${ALLOCATION_STATUS_LABELS[a.status].zh}  申请时间：${shanghaiDateTime(new Date(a.requestedAt))}`,
    `调出：${a.orgName} · ${a.fromWarehouseName}`,
    `去向：${a.destinationLabel}${a.eventName && a.destination !== 'event' ? `（灾害事件：${a.eventName}）` : ''}`,
    `用途：${a.purpose}`,
    `申请：${a.requestedByOrgName} ${a.requestedBy}  合计 ${a.totalQty} 件，价值 ${formatFen(a.valueFen, { symbol: true, grouping: true })}`,
  ];
  for (const f of facts) doc.text(f, left);
  doc.moveDown(0.6);

  let y = doc.y;
  const header = () => {
    let x = left;
    doc.font('zh-bold').fontSize(8.5);
    for (const c of COLUMNS) {
      doc.rect(x, y, c.width, ROW).fillAndStroke('#f0f0f0', '#999999');
      doc.fillColor('#000000').text(c.title, x + 3, y + 6, { width: c.width - 6, lineBreak: false });
      x += c.width;
    }
    y += ROW;
    doc.font('zh').fontSize(8);
  };
  header();
  a.picks.forEach((p, i) => {
    if (y + ROW > bottom - 70) {
      doc.addPage();
      y = doc.page.margins.top;
      header();
    }
    const cells = [
      String(i + 1),
      p.itemName,
      p.batchCode,
      p.lotNo ?? '',
      p.locationCode ?? '',
      p.expiresOn ?? '',
      `${p.quantity} ${p.unit}`,
      p.pickedQty ? String(p.pickedQty) : '',
      p.designation ? '定向' : '',
    ];
    let x = left;
    COLUMNS.forEach((c, k) => {
      doc.rect(x, y, c.width, ROW).stroke('#999999');
      doc
        .fillColor('#000000')
        .text(cells[k]!, x + 3, y + 6, { width: c.width - 6, lineBreak: false, ellipsis: true });
      x += c.width;
    });
    y += ROW;
  });
  const designated = a.picks.filter((p) => p.designation);
  y += 10;
  doc.fontSize(8).fillColor('#c8161d');
  for (const p of designated) {
    doc.text(`定向物资 ${p.batchCode}：${p.designation}`, left, y, { lineBreak: false });
    y += 12;
  }
  doc.fillColor('#000000').fontSize(10);
  y += 16;
  doc.text('拣货人：________________  复核人：________________  发运人：________________', left, y, {
    lineBreak: false,
  });
  return pdfBuffer(doc);
}
