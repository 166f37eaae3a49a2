import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Input,
  InputNumber,
  Modal,
  Space,
  Typography,
  Upload,
  type GetRef,
  type InputRef,
} from 'antd';
import { DownloadOutlined, ScanOutlined, SnippetsOutlined, UploadOutlined } from '@ant-design/icons';
import { parsePastedCounts, STOCKTAKE_SHEET_MAX_BYTES, type StocktakeSheetResult } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { readAsBase64 } from '../../gift-import/api.ts';
import { STOCK_OPS_KEY, stockOpsApi } from './api.ts';
import { stockOpsDict } from './dict.ts';

/**
 * The ways counts come in besides typing on a line: a label scanned (a hand scanner types the code and
 * Enter) or typed with its quantity, a pasted two-column list, or the printed count sheet filled in and
 * uploaded. Each goes to the same endpoint; the server matches codes and reports what it cannot.
 */
export function CountEntry({ id }: { id: number }) {
  const t = useT(stockOpsDict);
  const submit = useSubmit();
  const codeRef = useRef<InputRef>(null);
  const qtyRef = useRef<GetRef<typeof InputNumber>>(null);
  const [code, setCode] = useState('');
  const [qty, setQty] = useState<number | null>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [sheet, setSheet] = useState<StocktakeSheetResult | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const parsed = parsePastedCounts(pasted);

  const record = async () => {
    const batchCode = code.trim();
    if (!batchCode || qty === null) return;
    const ok = await submit(
      () => stockOpsApi.recordCounts(id, { counts: [{ batchCode, countedQty: qty }] }),
      {
        invalidate: [STOCK_OPS_KEY],
        success: t('recorded', { code: batchCode.toUpperCase(), qty }),
      },
    );
    if (ok) {
      setCode('');
      setQty(null);
    }
    codeRef.current?.focus();
  };

  const sendPasted = async () => {
    if (!parsed.counts.length || parsed.errors.length) return;
    const ok = await submit(() => stockOpsApi.recordCounts(id, { counts: parsed.counts }), {
      invalidate: [STOCK_OPS_KEY],
      success: t('pasteRead', { n: parsed.counts.length }),
    });
    if (ok) {
      setPasting(false);
      setPasted('');
    }
  };

  const upload = async (f: File) => {
    setSheet(null);
    setSheetError(null);
    if (!/\.xlsx$/i.test(f.name) || f.size > STOCKTAKE_SHEET_MAX_BYTES) return setSheetError(t('wrongType'));
    const contentBase64 = await readAsBase64(f, () => undefined);
    const r = await submit(() => stockOpsApi.importSheet(id, { fileName: f.name, contentBase64 }), {
      invalidate: [STOCK_OPS_KEY],
      success: false,
      onError: setSheetError,
    });
    if (r) setSheet(r);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>
        <ScanOutlined /> {t('scanTitle')}
      </Typography.Text>
      <Typography.Text type="secondary">{t('scanHint')}</Typography.Text>
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Input
          id="stocktake-scan-code"
          ref={codeRef}
          autoFocus
          placeholder="PC00000042"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => qtyRef.current?.focus()}
          autoComplete="off"
        />
        <InputNumber<number>
          id="stocktake-scan-qty"
          ref={qtyRef}
          min={0}
          precision={0}
          placeholder={t('countedQty')}
          value={qty}
          onChange={(v) => setQty(v)}
          onPressEnter={() => void record()}
          style={{ width: 140 }}
        />
        <Button id="stocktake-scan-record" type="primary" onClick={() => void record()}>
          {t('record')}
        </Button>
      </Space.Compact>
      <Space wrap>
        <Button icon={<SnippetsOutlined />} onClick={() => setPasting(true)}>
          {t('paste')}
        </Button>
        <Button icon={<DownloadOutlined />} href={stockOpsApi.sheetUrl(id, false)} download>
          {t('downloadSheet')}
        </Button>
        <Button icon={<DownloadOutlined />} href={stockOpsApi.sheetUrl(id, true)} download>
          {t('downloadBlind')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('importSheet')}</Button>
        </Upload>
      </Space>
      {sheetError && <Alert type="error" showIcon message={sheetError} />}
      {sheet && sheet.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('sheetErrors', { n: sheet.errors.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {sheet.errors.map((e) => (
                <li key={`${e.row}-${e.column}`}>{e.text}</li>
              ))}
            </ul>
          }
        />
      )}
      {sheet && sheet.applied > 0 && (
        <Alert type="success" showIcon message={t('sheetApplied', { n: sheet.applied })} />
      )}
      <Modal
        title={t('paste')}
        open={pasting}
        onCancel={() => setPasting(false)}
        onOk={() => void sendPasted()}
        okButtonProps={{
          disabled: !parsed.counts.length || parsed.errors.length > 0,
          id: 'stocktake-paste-submit',
        }}
        okText={t('record')}
      >
        <Typography.Paragraph type="secondary">{t('pasteHint')}</Typography.Paragraph>
        <Input.TextArea
          id="stocktake-paste"
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          autoSize={{ minRows: 6, maxRows: 14 }}
          placeholder={'PC00000042 95\nPC00000043 12'}
        />
        {parsed.errors.length > 0 ? (
          <Alert
            type="error"
            style={{ marginTop: 8 }}
            message={t('pasteErrors', { lines: parsed.errors.map((e) => e.line).join('、') })}
          />
        ) : (
          parsed.counts.length > 0 && (
            <Typography.Text type="secondary">{t('pasteRead', { n: parsed.counts.length })}</Typography.Text>
          )
        )}
      </Modal>
    </Space>
  );
}
