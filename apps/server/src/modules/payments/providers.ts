import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { PaymentProvider } from './provider.ts';
import { sandboxProvider } from './sandbox-provider.ts';

const cache = new WeakMap<Config, PaymentProvider>();

/** The installation's payment provider, or null when scan-to-donate is switched off. */
export function paymentProviderFor(config: Config): PaymentProvider | null {
  if (config.paymentProvider === 'off') return null;
  let provider = cache.get(config);
  if (!provider) {
    provider = sandboxProvider({
      baseUrl: config.paymentSandboxUrl,
      publicKeyPem: config.paymentSandboxPublicKey,
    });
    cache.set(config, provider);
  }
  return provider;
}

export function requireProvider(config: Config): PaymentProvider {
  const provider = paymentProviderFor(config);
  if (!provider) throw new AppError('PAYMENT_DISABLED', 503);
  return provider;
}

/** Where a provider posts its notifications: our public address, so it works behind a proxy too. */
export const notifyUrl = (config: Config, provider: PaymentProvider) =>
  `${config.publicUrl.replace(/\/$/, '')}/api/payments/notify/${provider.name}`;

/** The donor's page for an order: the provider's cashier sends the payer back here. */
export const orderPageUrl = (config: Config, orderNo: string) =>
  `${config.publicUrl.replace(/\/$/, '')}/p/donate/orders/${orderNo}`;
