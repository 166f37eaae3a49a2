import type { FastifyReply } from 'fastify';

/**
 * Sends a PDF to open in the browser, named in ASCII for old clients and in Chinese (RFC 5987) for
 * the rest, so a saved file is called 捐赠票据-….pdf rather than download.pdf.
 */
export const sendPdf = (reply: FastifyReply, asciiName: string, chineseName: string, pdf: Buffer) =>
  reply
    .type('application/pdf')
    .header(
      'content-disposition',
      `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`,
    )
    .send(pdf);
