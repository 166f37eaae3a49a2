import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The only place that reads the environment. Every setting is documented in the README's table;
 * a wrong value stops the process at start with a message naming the variable.
 */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  passwordMinLength: number;
  passwordMinClasses: number;
  /** PII encryption keys (id → 32 bytes), the active id and the lookup-hash key. */
  piiKeys: string;
  piiActiveKey: string;
  piiLookupKey: string;
  secureCookies: boolean;
  webDist: string;
  /** The address the public reaches this installation at (QR codes on receipts point here). */
  publicUrl: string;
  /** Password for the demo accounts seeded on first start; random when unset. */
  demoPassword: string | null;
  /** From this hour (Shanghai time, 0–23) each day's pending disclosure is published automatically. */
  disclosureHour: number;
  /** Scan-to-donate payment provider: the built-in sandbox (no real money) or off. */
  paymentProvider: 'sandbox' | 'off';
  /** Where the sandbox payment provider is reached (it runs inside this app by default). */
  paymentSandboxUrl: string;
  /** The sandbox's Ed25519 signing key (PKCS#8 PEM) and the public key we verify its notifications with. */
  paymentSandboxPrivateKey: string;
  paymentSandboxPublicKey: string;
  /**
   * Transparency-log secrets (name → 32 bytes): each society's Ed25519 keys are derived from them
   * (platform/ledger/keys.ts). Several during a key rotation; `ledgerActiveKeys` sign new checkpoints.
   */
  ledgerKeys: { name: string; secret: Buffer }[];
  ledgerActiveKeys: string[];
  /** Map tiles of the public AED map (Leaflet URL template) and the datum they are drawn in. */
  mapTileUrl: string;
  mapTileCoords: 'gcj02' | 'wgs84';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`环境变量 ${name} 应为 ${min}–${max} 之间的整数，实际为 “${raw}”`);
  }
  return n;
}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/**
 * Development secrets: on a machine without configured keys (a fresh clone running `npm start`),
 * generate them once into the data folder so encrypted rows stay readable across restarts.
 * Production sets BOAI_PII_KEYS / BOAI_PII_LOOKUP_KEY explicitly.
 */
interface DevSecrets {
  piiKeys: string;
  piiActiveKey: string;
  piiLookupKey: string;
  ledgerKeys: string;
}

function devSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    // A data folder made before the transparency log: add its secret, keep everything else.
    if (secrets.ledgerKeys) return secrets as DevSecrets;
    const upgraded = { ...secrets, ledgerKeys: `dev1:${randomBytes(32).toString('base64')}` } as DevSecrets;
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = {
    piiKeys: `dev1:${randomBytes(32).toString('base64')}`,
    piiActiveKey: 'dev1',
    piiLookupKey: randomBytes(32).toString('base64'),
    ledgerKeys: `dev1:${randomBytes(32).toString('base64')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * BOAI_LEDGER_KEYS = "k1:<base64 32 bytes>[,k2:…]", BOAI_LEDGER_ACTIVE_KEYS = "k1[,k2]" (default: all).
 * Checked here so a typo stops the start instead of signing with a key nobody published.
 */
function ledgerKeys(
  raw: string,
  activeRaw: string | undefined,
): Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys'> {
  const keys = raw.split(',').map((part) => {
    const [name, b64, ...rest] = part.trim().split(':');
    const secret = Buffer.from(b64 ?? '', 'base64');
    if (!name || !/^[A-Za-z0-9_-]{1,32}$/.test(name) || rest.length || secret.length !== 32) {
      throw new Error('环境变量 BOAI_LEDGER_KEYS 应为 “名称:base64(32 字节)” 并以逗号分隔');
    }
    return { name, secret };
  });
  if (new Set(keys.map((k) => k.name)).size !== keys.length) {
    throw new Error('环境变量 BOAI_LEDGER_KEYS 中的密钥名称重复');
  }
  const active = activeRaw ? activeRaw.split(',').map((s) => s.trim()) : keys.map((k) => k.name);
  for (const name of active) {
    if (!keys.some((k) => k.name === name)) {
      throw new Error(`环境变量 BOAI_LEDGER_ACTIVE_KEYS 中的 “${name}” 不在 BOAI_LEDGER_KEYS 中`);
    }
  }
  if (!active.length) throw new Error('环境变量 BOAI_LEDGER_ACTIVE_KEYS 至少需要一个密钥');
  return { ledgerKeys: keys, ledgerActiveKeys: active };
}

/**
 * The sandbox provider's signing key pair. Both halves given, or neither: then a fresh pair is made
 * for this process only (the sandbox and its verifier live in the same process, so nothing needs it
 * to survive a restart).
 */
function sandboxKeys(env: Env): { paymentSandboxPrivateKey: string; paymentSandboxPublicKey: string } {
  const priv = env.BOAI_PAYMENT_SANDBOX_PRIVATE_KEY;
  const pub = env.BOAI_PAYMENT_SANDBOX_PUBLIC_KEY;
  if (priv && pub) return { paymentSandboxPrivateKey: priv, paymentSandboxPublicKey: pub };
  if (priv || pub) {
    throw new Error(
      '环境变量 BOAI_PAYMENT_SANDBOX_PRIVATE_KEY 与 BOAI_PAYMENT_SANDBOX_PUBLIC_KEY 须同时设置',
    );
  }
  const pair = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { paymentSandboxPrivateKey: pair.privateKey, paymentSandboxPublicKey: pair.publicKey };
}

function paymentProvider(env: Env): Config['paymentProvider'] {
  const raw = env.BOAI_PAYMENT_PROVIDER || 'sandbox';
  if (raw !== 'sandbox' && raw !== 'off') {
    throw new Error(`环境变量 BOAI_PAYMENT_PROVIDER 应为 sandbox 或 off，实际为 “${raw}”`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(repoRoot, env.BOAI_DATA_DIR ?? 'data');
  const piiGiven = env.BOAI_PII_KEYS && env.BOAI_PII_LOOKUP_KEY;
  // The development file is read (or made) only when some secret is not configured.
  const dev = piiGiven && env.BOAI_LEDGER_KEYS ? null : devSecrets(dataDir);
  const secrets = piiGiven
    ? {
        piiKeys: env.BOAI_PII_KEYS!,
        piiActiveKey: env.BOAI_PII_ACTIVE_KEY ?? env.BOAI_PII_KEYS!.split(':')[0]!,
        piiLookupKey: env.BOAI_PII_LOOKUP_KEY!,
      }
    : { piiKeys: dev!.piiKeys, piiActiveKey: dev!.piiActiveKey, piiLookupKey: dev!.piiLookupKey };
  const ledger = env.BOAI_LEDGER_KEYS
    ? ledgerKeys(env.BOAI_LEDGER_KEYS, env.BOAI_LEDGER_ACTIVE_KEYS)
    : ledgerKeys(dev!.ledgerKeys, undefined);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: int(env, 'BOAI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: int(env, 'BOAI_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    lockoutThreshold: int(env, 'BOAI_LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'BOAI_LOCKOUT_MINUTES', 5, 1, 24 * 60),
    passwordMinLength: int(env, 'BOAI_PASSWORD_MIN_LENGTH', 10, 6, 128),
    passwordMinClasses: int(env, 'BOAI_PASSWORD_MIN_CLASSES', 3, 1, 4),
    ...secrets,
    secureCookies: env.BOAI_SECURE_COOKIES === 'true',
    webDist: path.resolve(repoRoot, env.BOAI_WEB_DIST ?? 'apps/web/dist'),
    demoPassword: env.BOAI_DEMO_PASSWORD || null,
    disclosureHour: int(env, 'BOAI_DISCLOSURE_HOUR', 20, 0, 23),
    publicUrl: env.BOAI_PUBLIC_URL || `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '3000'}`,
    paymentProvider: paymentProvider(env),
    paymentSandboxUrl:
      env.BOAI_PAYMENT_SANDBOX_URL ||
      `http://${!env.HOST || env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT ?? '3000'}`,
    ...sandboxKeys(env),
    ...ledger,
    // AMap's public road tiles: GCJ-02, like every licensed map of China.
    mapTileUrl:
      env.BOAI_MAP_TILE_URL ||
      'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
    mapTileCoords: mapTileCoords(env),
  };
}

function mapTileCoords(env: Env): 'gcj02' | 'wgs84' {
  const raw = env.BOAI_MAP_TILE_COORDS || 'gcj02';
  if (raw !== 'gcj02' && raw !== 'wgs84')
    throw new Error(`环境变量 BOAI_MAP_TILE_COORDS 应为 gcj02 或 wgs84，实际为 “${raw}”`);
  return raw;
}

/** A config for tests: in-memory database unless DATABASE_URL is set, fixed keys, fast settings. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const key = Buffer.alloc(32, 7).toString('base64');
  return {
    ...loadConfig({
      DATABASE_URL: process.env.DATABASE_URL,
      BOAI_PII_KEYS: `t1:${key}`,
      BOAI_PII_LOOKUP_KEY: Buffer.alloc(32, 9).toString('base64'),
      BOAI_LEDGER_KEYS: `t1:${Buffer.alloc(32, 5).toString('base64')}`,
      LOG_LEVEL: 'silent',
    }),
    ...overrides,
  };
}
