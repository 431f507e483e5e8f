// The payment gateway: its https address, the terminal secret and the pinned certificate (typed or pasted
// here, written by main to their own private files), the card-encryption key pin, and "Test connection".
// While training, a real gateway cannot run: it is entered here and saved by "Go live".
import { useState } from 'react';
import type { GatewayTestView } from '@contract/contract';
import type { Draft } from '../../settings/draft';
import { testGateway } from '../../settings/setup-api';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { SettingField, TextSetting } from './SettingField';

export interface GatewaySecrets {
  readonly terminalSecret: string;
  readonly serverCertPem: string;
}

interface Props {
  readonly gateway: Draft['gateway'];
  readonly set: (path: string, value: unknown) => void;
  readonly secrets: GatewaySecrets;
  readonly onSecrets: (next: GatewaySecrets) => void;
  readonly onFile: { readonly terminalSecret: boolean; readonly serverCert: boolean };
  readonly training: boolean;
  readonly errors: ReadonlyMap<string, string>;
}

const orUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

export function GatewaySettings({ gateway, set, secrets, onSecrets, onFile, training, errors }: Props) {
  const { t } = useI18n();
  const [result, setResult] = useState<GatewayTestView | null>(null);
  const [testing, setTesting] = useState(false);
  if (!gateway) {
    return (
      <div className="settings-section">
        <p>{t('settings.gatewayNone')}</p>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.settingsGatewayAdd}
          onClick={() => set('gateway', { url: 'https://', terminalSecretFile: 'terminal.secret' })}
        >
          {t('settings.gatewayAdd')}
        </button>
      </div>
    );
  }
  const test = async (): Promise<void> => {
    setTesting(true);
    const r = await testGateway({
      url: gateway.url,
      ...(orUndefined(secrets.terminalSecret) ? { terminalSecret: secrets.terminalSecret.trim() } : {}),
      ...(orUndefined(secrets.serverCertPem) ? { serverCertPem: secrets.serverCertPem.trim() } : {}),
    });
    setTesting(false);
    setResult(
      r.ok
        ? r.value
        : {
            ok: false,
            latencyMs: null,
            clockSkewMs: null,
            key: null,
            error: { code: r.error.code, message: r.error.message },
          },
    );
  };
  return (
    <div className="settings-section">
      {training && <p className="payment-notice info">{t('settings.gatewayAtGoLive')}</p>}
      <TextSetting
        path="gateway.url"
        label={t('settings.gatewayUrl')}
        type="url"
        value={gateway.url}
        onChange={(v) => set('gateway.url', v)}
        error={errors.get('gateway.url') ?? errors.get('gateway')}
      />
      <TextSetting
        path="gateway.terminalSecret"
        label={t('settings.terminalSecret')}
        type="password"
        hint={t(onFile.terminalSecret ? 'settings.secretOnFile' : 'settings.secretMissing')}
        value={secrets.terminalSecret}
        onChange={(v) => onSecrets({ ...secrets, terminalSecret: v })}
        error={errors.get('gateway.terminalSecretFile')}
      />
      <SettingField
        path="gateway.serverCertFile"
        label={t('settings.serverCert')}
        hint={t(onFile.serverCert ? 'settings.certOnFile' : 'settings.certMissing')}
        error={errors.get('gateway.serverCertFile')}
      >
        {(id, invalid) => (
          <textarea
            id={id}
            className="input input-pem"
            rows={4}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            data-testid={TID.settingsField}
            data-path="gateway.serverCertPem"
            aria-invalid={invalid}
            value={secrets.serverCertPem}
            onChange={(e) => onSecrets({ ...secrets, serverCertPem: e.target.value })}
          />
        )}
      </SettingField>
      <TextSetting
        path="gateway.encryptionKey.keyId"
        label={t('settings.keyId')}
        value={gateway.encryptionKey?.keyId ?? ''}
        onChange={(v) =>
          set(
            'gateway.encryptionKey',
            v === '' ? undefined : { keyId: v, spkiSha256: gateway.encryptionKey?.spkiSha256 ?? '' },
          )
        }
        error={errors.get('gateway.encryptionKey.keyId') ?? errors.get('gateway.encryptionKey')}
      />
      <TextSetting
        path="gateway.encryptionKey.spkiSha256"
        label={t('settings.keyHash')}
        value={gateway.encryptionKey?.spkiSha256 ?? ''}
        onChange={(v) =>
          set('gateway.encryptionKey', { keyId: gateway.encryptionKey?.keyId ?? '', spkiSha256: v })
        }
        error={errors.get('gateway.encryptionKey.spkiSha256')}
      />
      <div className="settings-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.settingsGatewayTest}
          disabled={testing}
          onClick={() => void test()}
        >
          {t(testing ? 'settings.testing' : 'settings.gatewayTest')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => set('gateway', undefined)}>
          {t('settings.gatewayRemove')}
        </button>
      </div>
      {result && (
        <div
          className={`payment-notice ${result.ok ? 'info' : 'bad'}`}
          role="status"
          data-testid={TID.settingsGatewayResult}
          data-ok={result.ok}
        >
          {result.ok ? (
            <p>
              {t('settings.gatewayOk', {
                latency: result.latencyMs ?? 0,
                skew: Math.round((result.clockSkewMs ?? 0) / 1000),
              })}
            </p>
          ) : (
            <p>{t('settings.gatewayFailed', { message: result.error?.message ?? '' })}</p>
          )}
          {result.key && (
            <>
              <p className="num">
                {t('settings.gatewayKey', {
                  keyId: result.key.keyId,
                  hash: result.key.spkiSha256.slice(0, 16),
                })}
              </p>
              <button
                type="button"
                className="btn btn-secondary"
                data-testid={TID.settingsGatewayPinKey}
                onClick={() => result.key && set('gateway.encryptionKey', { ...result.key })}
              >
                {t('settings.gatewayPinKey')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
