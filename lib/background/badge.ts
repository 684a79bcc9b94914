import type { Translate } from '../views/i18n';

/**
 * The toolbar button's badge and tooltip say the one thing that most needs
 * saying: storage failing (nothing is being saved), then tracking paused,
 * then a weekly summary waiting to be read.
 */
export interface BadgeState {
  storageError: boolean;
  paused: boolean;
  summaryReady: boolean;
}

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** Colours pass WCAG AA with the white badge text Chrome and Firefox draw. */
const RED = '#b3261e';
const GREY = '#5f6368';
const GREEN = '#1b6e4a';

export function badgeLook(state: BadgeState, t: Translate): BadgeLook {
  if (state.storageError) return { text: '!', color: RED, title: t('badge.storageError') };
  // U+2016 (double vertical line), the pause sign in a glyph every system font has.
  if (state.paused) return { text: '‖', color: GREY, title: t('badge.paused') };
  if (state.summaryReady) return { text: '•', color: GREEN, title: t('badge.summaryReady') };
  return { text: '', color: GREEN, title: t('badge.idle') };
}

/** The parts of `browser.action` the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Keeps the badge in step with the state; each change redraws it (failures are cosmetic and ignored). */
export function createBadge(api: BadgeApi, translator: () => Promise<Translate>) {
  const state: BadgeState = { storageError: false, paused: false, summaryReady: false };
  let drawing = Promise.resolve();
  return {
    update(change: Partial<BadgeState>): Promise<void> {
      Object.assign(state, change);
      const snapshot = { ...state };
      drawing = drawing
        .then(async () => {
          const look = badgeLook(snapshot, await translator());
          await Promise.all([
            api.setBadgeText({ text: look.text }),
            api.setBadgeBackgroundColor({ color: look.color }),
            api.setTitle({ title: look.title }),
          ]);
        })
        .catch(() => undefined);
      return drawing;
    },
  };
}
