import type { FastifyReply } from 'fastify';

/**
 * The Content-Disposition of a download named in Chinese: an ASCII name for old clients and the
 * Chinese one (RFC 5987) for the rest, so a saved file is called 捐赠票据-….pdf, not download.pdf.
 */
export const contentDisposition = (disposition: 'inline' | 'attachment', ascii: string, chinese: string) =>
  `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;

/** Sends a PDF to open in the browser. */
export const sendPdf = (reply: FastifyReply, asciiName: string, chineseName: string, pdf: Buffer) =>
  reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition('inline', asciiName, chineseName))
    .send(pdf);
