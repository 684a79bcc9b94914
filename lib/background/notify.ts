import { digestParts } from '../views/digest';
import type { Translator } from '../views/i18n';
import type { WeeklySummary } from './summary';

/** The parts of `browser.notifications` used here. */
export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl?: string; title: string; message: string }): Promise<string>;
}

export const WEEKLY_NOTIFICATION_ID = 'frugal-weekly-summary';

/**
 * Chrome requires an icon on every notification and Frugal ships no raster
 * icon yet, so a plain mark is drawn here: Frugal's green disc with an "F".
 * Where OffscreenCanvas is missing, the notification goes without (Firefox
 * accepts that).
 */
async function drawIcon(): Promise<string | undefined> {
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const canvas = new OffscreenCanvas(128, 128);
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  context.fillStyle = '#1b6e4a';
  context.beginPath();
  context.arc(64, 64, 60, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = '#ffffff';
  context.font = 'bold 76px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText('F', 64, 68);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}

export async function notifyWeeklySummary(api: NotificationsApi, summary: WeeklySummary, translator: Translator): Promise<void> {
  const parts = digestParts(summary, translator);
  const iconUrl = await drawIcon().catch(() => undefined);
  await api.create(WEEKLY_NOTIFICATION_ID, {
    type: 'basic',
    ...(iconUrl ? { iconUrl } : {}),
    title: translator.t('notification.title'),
    message: translator.t('notification.body', parts),
  });
}
