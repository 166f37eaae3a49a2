/**
 * GBK encoding for tests that need the files Chinese banks export. Node can decode GBK but not
 * encode it, so the table is built by decoding every two-byte GBK code once.
 */
let table: Map<string, Buffer> | null = null;

function gbkTable(): Map<string, Buffer> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const ch = decoder.decode(bytes);
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, bytes);
    }
  }
  return table;
}

/** The GBK bytes of a text; throws on a character GBK cannot write. */
export function encodeGbk(text: string): Buffer {
  const t = gbkTable();
  const parts: Buffer[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) parts.push(Buffer.from([code]));
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`GBK cannot encode ${ch}`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}
