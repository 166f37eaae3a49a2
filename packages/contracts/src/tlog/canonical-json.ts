import { TlogFormatError } from './bytes.ts';

/**
 * The one text form of a log entry: the bytes that are hashed, stored and served. Keys are sorted by
 * UTF-16 code units and strings are escaped as JSON.stringify does, which is what RFC 8785 (JCS)
 * prescribes; numbers are restricted to safe integers so that no two number formatters can ever
 * disagree (money is integer fen, times are ISO strings). Anything else throws: an entry that could
 * be written two ways could be "recomputed" into a different hash.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

const MAX_DEPTH = 64;

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TlogFormatError('规范 JSON 嵌套过深');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new TlogFormatError(`规范 JSON 只允许安全整数，不允许 ${String(value)}`);
      // -0 and 0 are the same integer; JSON.stringify already writes both as "0".
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TlogFormatError(`规范 JSON 不支持 ${typeof value} 类型的值`);
  }
  if (Array.isArray(value)) {
    return `[${Array.from(value, (v) => write(v, depth + 1)).join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TlogFormatError('规范 JSON 只接受普通对象（日期等请先转成字符串）');
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], depth + 1)}`).join(',')}}`;
}

/** UTF-8 bytes of a canonical entry: what the leaf hash covers. */
export function entryBytes(canonical: string): Uint8Array {
  return new TextEncoder().encode(canonical);
}
