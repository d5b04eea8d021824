import { type ConfigError, type ConfigLocation, type KioskConfig, type ReadText, loadConfig, resolveConfigPath } from './config';
import { type StatusPage, renderStatusPage, toDataUrl } from './error-page';

/** What the shell does at boot: run the kiosk page, or show why it cannot. */
export type StartupDecision =
  | { kind: 'run'; config: KioskConfig; configPath: string; kioskUrl: string; hubOrigin: string }
  | { kind: 'config-error'; error: ConfigError; html: string; url: string };

/** `${hubUrl}/kiosk/?lang=vi` — the hub serves the React kiosk page there. */
export function kioskPageUrl(hubUrl: string, language: KioskConfig['language']): string {
  const url = new URL(`${hubUrl.replace(/\/+$/, '')}/kiosk/`);
  url.searchParams.set('lang', language);
  return url.toString();
}

export function configErrorPage(error: ConfigError): StatusPage {
  return {
    tone: 'error',
    title: error.title,
    lead: `Ki-ốt chưa thể hoạt động. Mời Ông/Bà liên hệ cán bộ hướng dẫn. Cán bộ kỹ thuật: kiểm tra tệp ${error.path}.`,
    details: [`Kiosk configuration error (${error.kind}) in ${error.path}`, ...error.details],
  };
}

/** Pure apart from reading the config file (injectable), so tests can walk every broken config. */
export function decideStartup(location: ConfigLocation, readText?: ReadText): StartupDecision {
  const configPath = resolveConfigPath(location);
  const loaded = loadConfig(configPath, readText);
  if (!loaded.ok) {
    const html = renderStatusPage(configErrorPage(loaded.error));
    return { kind: 'config-error', error: loaded.error, html, url: toDataUrl(html) };
  }
  const { config } = loaded;
  return {
    kind: 'run',
    config,
    configPath,
    kioskUrl: kioskPageUrl(config.hubUrl, config.language),
    hubOrigin: new URL(config.hubUrl).origin,
  };
}
