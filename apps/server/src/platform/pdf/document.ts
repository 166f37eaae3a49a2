import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
// Noto Sans SC (OFL) from npm: pdfkit subsets it per document, so a page stays around 70 KiB.
const fontDir = path.resolve(path.dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts');
export const FONTS = {
  regular: path.join(fontDir, 'NotoSansHans-Regular.otf'),
  bold: path.join(fontDir, 'NotoSansHans-Bold.otf'),
};

/** An A4/A5 PDF with the Chinese fonts registered as 'zh' and 'zh-bold'. */
export function createPdf(opts: {
  size?: 'A4' | 'A5';
  layout?: 'portrait' | 'landscape';
  title: string;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: opts.size ?? 'A4',
    layout: opts.layout ?? 'portrait',
    margin: 40,
    info: { Title: opts.title, Producer: '博爱 Boai', Creator: '博爱 Boai' },
  });
  doc.registerFont('zh', FONTS.regular);
  doc.registerFont('zh-bold', FONTS.bold);
  doc.font('zh');
  return doc;
}

/** Finishes the document and collects it into one buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A QR code as PNG, for `doc.image`. Error correction M survives a printed, slightly worn code. */
export const qrPng = (text: string) =>
  QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
