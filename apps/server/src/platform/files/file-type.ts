/**
 * The first bytes each accepted upload type starts with. The declared type alone proves nothing: an
 * HTML page or a script renamed to .pdf or .jpg would otherwise be stored and served back as a
 * "PDF" or a "photo".
 */
const MAGIC = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
} as const;

export type UploadMime = keyof typeof MAGIC;

/** Whether the bytes really are of the declared type. */
export function contentIsOfType(content: Buffer, mime: UploadMime): boolean {
  const magic = MAGIC[mime];
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}
