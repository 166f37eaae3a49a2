import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { messageFor } from '../../platform/i18n/messages.ts';
import { checkStatement, looksLikeOrganisation, parseAmountCell, parseDateCell } from './check-statement.ts';
import { decodeText, parseCsv, type Cell } from './read-sheet.ts';
import { encodeGbk } from '../../testing/gbk.ts';

const NOW = new Date('2026-09-30T04:00:00Z');
const sheet = (...rows: Cell[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

describe('reading dates as banks and platforms write them', () => {
  it.each([
    ['2026-09-07', '2026-09-07'],
    ['2026/09/07', '2026-09-07'],
    ['2026/9/7', '2026-09-07'],
    ['20260907', '2026-09-07'],
    ['2026.09.07', '2026-09-07'],
    ['2026年9月7日', '2026-09-07'],
    ['2026-09-07 10:23:11', '2026-09-07'],
    ['20260907 102311', '2026-09-07'],
    [20260907, '2026-09-07'],
    [46272, '2026-09-07'], // an Excel day number the sheet did not format as a date
    [new Date(Date.UTC(2026, 8, 7)), '2026-09-07'],
  ] as [Cell, string][])('%s → %s', (cell, date) => {
    expect(parseDateCell(cell)).toEqual({ value: date });
  });

  it.each([
    ['', '日期为空'],
    ['07/09/2026', '日期格式不正确'],
    ['2026-02-30', '日期不存在'],
    ['明天', '日期格式不正确'],
  ])('%j → %s', (cell, error) => {
    expect(parseDateCell(cell)).toEqual({ error });
  });
});

describe('reading amounts exactly, in fen', () => {
  it.each([
    ['1,234.56', 123456],
    ['¥99', 9900],
    ['￥ 0.01', 1],
    ['100元', 10000],
    [' 2 000.50 ', 200050],
    [1234.5, 123450],
    [0.1, 10],
    [19.99, 1999],
  ] as [Cell, number][])('%j → %d fen', (cell, fen) => {
    expect(parseAmountCell(cell)).toEqual({ fen });
  });

  it.each([
    ['12.345', '金额最多保留两位小数'],
    ['-50.00', '金额不能为负数'],
    ['1.005.00', '金额格式不正确'],
    ['1e3', '金额格式不正确'],
    [1e21, '金额格式不正确'],
    ['壹佰元', '金额格式不正确'],
  ] as [Cell, string][])('%j → %s', (cell, error) => {
    expect(parseAmountCell(cell)).toEqual({ error });
  });

  it('treats blank, "-" and zero as no amount (a debit row leaves the credit column so)', () => {
    expect(parseAmountCell('')).toEqual({ empty: true });
    expect(parseAmountCell('--')).toEqual({ empty: true });
    expect(parseAmountCell('0.00')).toEqual({ empty: true, fen: 0 });
  });
});

describe('reading .csv files', () => {
  it('reads GBK (as Chinese banks export), UTF-8 with and without BOM, and UTF-16 alike', () => {
    const text = '交易日期,对方户名\r\n2026-09-01,无锡市惠山区红十字会\r\n';
    // The bytes `iconv -t gbk` writes for 交易日期: the test encoder writes real GBK.
    expect(encodeGbk('交易日期').toString('hex')).toBe('bdbbd2d7c8d5c6da');
    expect(decodeText(encodeGbk(text))).toBe(text);
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  it('keeps quoted commas, quotes and line breaks, unwraps ="…" numbers and numbers rows as Excel does', () => {
    const rows = parseCsv(
      '摘要,金额,账号\n"捐赠,助学","1,000.00",="6222021000123456789"\n\n"他说""加油""","第一行\n第二行",\'0012\n',
    );
    expect(rows).toEqual([
      { row: 1, cells: ['摘要', '金额', '账号'] },
      { row: 2, cells: ['捐赠,助学', '1,000.00', '6222021000123456789'] },
      { row: 4, cells: ['他说"加油"', '第一行\n第二行', '0012'] },
    ]);
  });

  it('reads tab-separated "CSV" files', () => {
    expect(parseCsv('交易日期\t贷方金额\n2026-09-01\t100.00')[1]!.cells).toEqual(['2026-09-01', '100.00']);
  });
});

describe('checking a bank statement row by row', () => {
  it('finds the header under title lines, skips debit and 合计 rows, and names each error by row and column', () => {
    const checked = checkStatement(
      'bank',
      sheet(
        ['中国建设银行 账户交易明细'],
        ['账号：3205 0161 2345', '户名：无锡市梁溪区红十字会'],
        ['交易日期 ', '交易流水号', '对方户名', '对方账号', '借方金额(元)', '贷方金额（元）', '摘要'],
        ['2026-09-01', 'S001', '无锡金鹰国际购物中心有限公司', '3201001', '', '10,000.00', '捐赠'],
        ['2026-09-02', 'S002', '', '', '', '50.00', ''],
        ['2026-09-02', 'S003', '红十字会', '', '300.00', '', '支付 印刷费'],
        ['2026-09-03', 'S004', '王小明', '6222', '', '12.345', ''],
        ['2026-10-08', 'S005', '李红', '6222', '', '20.00', ''],
        ['2026-09-04', 'S001', '赵刚', '', '', '30.00', ''],
        ['合计', '', '', '', '300.00', '10,080.00', ''],
      ),
      NOW,
    );
    expect(checked.errors.map((e) => e.text)).toEqual([
      '第 5 行「对方户名」：户名为空',
      '第 7 行「贷方金额（元）」：金额最多保留两位小数',
      '第 8 行「交易日期」：日期晚于今天',
      '第 9 行「交易流水号」：与第 4 行流水号重复',
    ]);
    expect(checked).toMatchObject({ totalRows: 6, errorRows: 4, debitRows: 1 });
    expect(checked.rows).toEqual([
      expect.objectContaining({
        row: 4,
        receivedOn: '2026-09-01',
        amountFen: 1_000_000,
        payer: '无锡金鹰国际购物中心有限公司',
        reference: 'S001',
        externalRef: 'S001',
        donorKind: 'enterprise',
      }),
    ]);
  });

  it('refuses a file that lacks required columns, naming each with the other names accepted', () => {
    try {
      checkStatement('bank', sheet(['日期', '金额', '对方户名'], ['2026-09-01', '1', '张三']), NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(messageFor('zh-CN', err.code, err.params)).toBe(
        '文件缺少必需的列：交易日期（或 记账日期/入账日期/交易时间）、贷方金额（或 收入金额/入账金额/贷方发生额/收入）。请对照导入模板检查表头',
      );
    }
  });

  it('gives rows without a serial number a fingerprint that tells identical gifts apart but is stable per file', () => {
    const rows = [
      ['交易日期', '贷方金额', '对方户名', '摘要'],
      ['2026-09-01', '100', '张三', '捐款'],
      ['2026-09-01', '100', '张三', '捐款'],
      ['2026-09-02', '100', '张三', '捐款'],
    ];
    const first = checkStatement('bank', sheet(...rows), NOW).rows.map((r) => r.externalRef);
    const again = checkStatement('bank', sheet(...rows), NOW).rows.map((r) => r.externalRef);
    expect(new Set(first).size).toBe(3);
    expect(first.every((r) => /^fp:[0-9a-f]{64}$/.test(r))).toBe(true);
    expect(again).toEqual(first);
    // A later statement holding only the second day matches that day's row, not the first day's.
    const later = checkStatement('bank', sheet(rows[0]!, rows[3]!), NOW).rows.map((r) => r.externalRef);
    expect(later).toEqual([first[2]]);
  });
});

describe('checking a platform export', () => {
  it('keeps nicknames anonymous, names organisations, and allows a blank donor', () => {
    const checked = checkStatement(
      'platform',
      sheet(
        ['订单号', '捐赠时间', '捐赠金额', '捐赠人', '项目名称', '留言'],
        ['T1', '2026-09-07 10:23:11', '99.00', '小太阳☀', '博爱家园', '加油'],
        ['T2', '2026-09-07 11:00:00', '5000', '无锡市商业银行', '', ''],
        ['T3', '2026-09-08 09:00:00', '1', '', '', ''],
      ),
      NOW,
    );
    expect(checked.errors).toEqual([]);
    expect(checked.rows.map((r) => [r.reference, r.donorKind, r.project])).toEqual([
      ['T1', 'anonymous', '博爱家园'],
      ['T2', 'enterprise', ''],
      ['T3', 'anonymous', ''],
    ]);
  });

  it('tells organisations from people by their names', () => {
    for (const n of ['无锡红豆实业股份有限公司', '江苏省慈善总会联合会', '梁溪区第二人民医院', '老王面馆'])
      expect(looksLikeOrganisation(n), n).toBe(true);
    for (const n of ['张三', '欧阳建国', '王会']) expect(looksLikeOrganisation(n), n).toBe(false);
  });
});
