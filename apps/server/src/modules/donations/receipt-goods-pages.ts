import { formatFen, VALUATION_BASIS_LABELS, type GiftItem } from '@boai/contracts';

/** 物资捐赠, as the receipt's main page names the form of a gift of goods. */
export const goodsReceiptLine = (items: GiftItem[], receivedOn: string) =>
  `物资捐赠（共 ${items.length} 项，明细见附页） / ${receivedOn}`;

const COLUMNS: { title: string; width: number; align?: 'right' | 'center' }[] = [
  { title: '序号', width: 28, align: 'center' },
  { title: '品名', width: 120 },
  { title: '规格', width: 105 },
  { title: '数量', width: 70, align: 'right' },
  { title: '单价（元）', width: 62, align: 'right' },
  { title: '金额（元）', width: 80, align: 'right' },
  { title: '估值依据', width: 50, align: 'center' },
];

const cells = (it: GiftItem) => [
  String(it.lineNo),
  it.name,
  it.spec ?? '',
  `${it.quantity.toLocaleString('en-US')} ${it.unit}`,
  formatFen(it.unitValueFen),
  formatFen(it.valueFen),
  VALUATION_BASIS_LABELS[it.valuationBasis].zh,
];

/**
 * The receipt's annex for a gift of goods: every line (name, specification, quantity and unit, unit
 * value, value, valuation basis) on as many pages as it takes, with the total, each page headed by
 * the receipt number so a loose page still says which receipt it belongs to.
 */
export function drawGoodsItemPages(
  doc: PDFKit.PDFDocument,
  receiptNo: string,
  items: GiftItem[],
  totalFen: number,
): void {
  const left = 40;
  const rowH = 18;
  const tableW = COLUMNS.reduce((s, c) => s + c.width, 0);
  const rows = [...items.map(cells), ['', '合计', '', '', '', formatFen(totalFen), '']];
  let i = 0;
  let page = 0;
  while (i < rows.length) {
    doc.addPage();
    // Rows are placed by hand; pdfkit must not start pages of its own near the bottom.
    doc.page.margins.bottom = 0;
    page += 1;
    doc
      .fillColor('#c8161d')
      .font('zh-bold')
      .fontSize(13)
      .text('附：捐赠物资明细', left, 30, { width: tableW, align: 'center', lineBreak: false });
    doc
      .fillColor('#555')
      .font('zh')
      .fontSize(8)
      .text(`票据号码：${receiptNo}    第 ${page} 页`, left, 52, { width: tableW, align: 'right' });
    let y = 66;
    const drawRow = (values: string[], header: boolean) => {
      let x = left;
      doc.lineWidth(0.5).strokeColor('#c8161d');
      COLUMNS.forEach((c, k) => {
        doc.rect(x, y, c.width, rowH).stroke();
        doc
          .font(header || values[1] === '合计' ? 'zh-bold' : 'zh')
          .fontSize(8)
          .fillColor(header ? '#555' : '#111')
          .text(values[k]!, x + 3, y + 5, {
            width: c.width - 6,
            height: rowH - 6,
            align: c.align ?? 'left',
            ellipsis: true,
          });
        x += c.width;
      });
      y += rowH;
    };
    drawRow(
      COLUMNS.map((c) => c.title),
      true,
    );
    while (i < rows.length && y + rowH <= doc.page.height - 30) {
      drawRow(rows[i]!, false);
      i += 1;
    }
  }
}
