import { useEffect, useRef, useState } from 'react';
import { Button, Input, InputNumber, List, Space, Typography } from 'antd';
import { CameraOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { scanCodeSchema, type ScanResult } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { parseScanLines, type ScanLine } from './api.ts';
import { allocationsDict } from './dict.ts';

/** The browser's barcode reader (Chrome on Android, some desktops); absent elsewhere, and in headless tests. */
type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = new (opts: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | undefined =>
  (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/** Reads QR labels from the back camera until stopped; each new code goes to `onCode`. */
function Camera({ onCode, onStop }: { onCode: (code: string) => void; onStop: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const last = useRef<{ code: string; at: number } | null>(null);
  // The latest callbacks, without restarting the camera each time the parent renders.
  const handlers = useRef({ onCode, onStop });
  useEffect(() => {
    handlers.current = { onCode, onStop };
  });
  useEffect(() => {
    const Reader = detectorClass()!;
    const reader = new Reader({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        if (stopped) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        video.current!.srcObject = s;
        void video.current!.play();
        timer = window.setInterval(() => {
          void reader.detect(video.current!).then((found) => {
            const code = found[0]?.rawValue.trim();
            // A label held in view is read many times a second: take it once (again after 3 s).
            if (!code || (last.current?.code === code && Date.now() - last.current.at < 3000)) return;
            last.current = { code, at: Date.now() };
            handlers.current.onCode(code);
          });
        }, 300);
      })
      .catch(() => handlers.current.onStop());
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  return (
    <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 260, background: '#000' }} />
  );
}

/**
 * One label at a time (typed, a hand scanner's code + Enter, or the camera) or many pasted at once,
 * one a line; every code is answered on its own line, newest first.
 */
export function ScanBox({
  idPrefix,
  withQuantity,
  disabled,
  send,
}: {
  idPrefix: string;
  withQuantity?: boolean;
  disabled?: boolean;
  /** Applies the codes; undefined when the whole call failed (its message is shown by the caller). */
  send: (lines: ScanLine[]) => Promise<ScanResult[] | undefined>;
}) {
  const t = useT(allocationsDict);
  const [code, setCode] = useState('');
  const [qty, setQty] = useState<number | null>(null);
  const [bulk, setBulk] = useState('');
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);
  const [results, setResults] = useState<ScanResult[]>([]);
  const codeError = code.trim() ? scanCodeSchema.safeParse(code).error?.issues[0]?.message : undefined;

  const apply = async (lines: ScanLine[]) => {
    if (!lines.length) return false;
    setBusy(true);
    try {
      const answer = await send(lines);
      if (answer) setResults((r) => [...[...answer].reverse(), ...r].slice(0, 200));
      return !!answer;
    } finally {
      setBusy(false);
    }
  };
  const applyOne = async () => {
    if (codeError || !code.trim()) return;
    if (await apply([{ code: code.trim(), ...(withQuantity && qty ? { quantity: qty } : {}) }])) {
      setCode('');
      setQty(null);
    }
  };
  const ok = results.filter((r) => r.ok).length;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={`${idPrefix}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void applyOne()}
          placeholder={t('codePlaceholder')}
          status={codeError ? 'error' : undefined}
          disabled={disabled}
          autoComplete="off"
          inputMode="text"
          autoCapitalize="characters"
        />
        {withQuantity && (
          <InputNumber
            id={`${idPrefix}-qty`}
            min={1}
            precision={0}
            value={qty}
            onChange={(v) => setQty(v)}
            placeholder={t('qty')}
            disabled={disabled}
            style={{ width: 120 }}
          />
        )}
        <Button
          id={`${idPrefix}-apply`}
          type="primary"
          loading={busy}
          disabled={disabled}
          onClick={() => void applyOne()}
        >
          {t('apply')}
        </Button>
      </Space.Compact>
      {codeError && <Typography.Text type="danger">{codeError}</Typography.Text>}
      {detectorClass() ? (
        <Button icon={<CameraOutlined />} onClick={() => setCamera((c) => !c)} disabled={disabled}>
          {camera ? t('stopCamera') : t('camera')}
        </Button>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('noCamera')}
        </Typography.Text>
      )}
      {camera && <Camera onCode={(c) => void apply([{ code: c }])} onStop={() => setCamera(false)} />}
      <Input.TextArea
        id={`${idPrefix}-bulk`}
        value={bulk}
        onChange={(e) => setBulk(e.target.value)}
        placeholder={t('bulkPlaceholder')}
        autoSize={{ minRows: 3, maxRows: 10 }}
        disabled={disabled}
      />
      <Button
        id={`${idPrefix}-bulk-apply`}
        block
        loading={busy}
        disabled={disabled || !bulk.trim()}
        onClick={() => void apply(parseScanLines(bulk)).then((done) => done && setBulk(''))}
      >
        {t('applyBulk')}
      </Button>
      {results.length > 0 && (
        <List
          id={`${idPrefix}-results`}
          size="small"
          header={
            <Typography.Text strong>
              {t('resultSummary', { ok, failed: results.length - ok })}
            </Typography.Text>
          }
          dataSource={results}
          renderItem={(r) => (
            <List.Item className={r.ok ? 'scan-ok' : 'scan-failed'}>
              <Space align="start">
                {r.ok ? (
                  <CheckCircleFilled style={{ color: '#52c41a' }} />
                ) : (
                  <CloseCircleFilled style={{ color: '#ff4d4f' }} />
                )}
                <span>
                  <Typography.Text code>{r.code}</Typography.Text> {r.message}
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
