import type { DomContext, SiteAdapter, SitePage, TurnReport } from './types';

/**
 * Meta AI (www.meta.ai, meta.ai). Since 2026 the chat runs over a WebSocket with
 * binary frames (`wss://gateway.meta.ai/ws/clippy`, see sites.md) that the tap
 * cannot read, so prompts are measured from the page instead, by this DOM
 * detector (run by the page-world tap, where all text stays).
 *
 * DOM as seen 2026-06/07 (an HTML dump in houyanchao/chatgpt-gemini-timeline
 * issue #104 and that project's custom-sites.js): chats live at
 * `/prompt/<uuid>`; each user message is `[data-message-type="user"]` with its
 * text in `[data-slot="text"]`; the page is Tailwind with `data-slot` markers.
 * Guessed 2026-11, not seen: that the assistant's messages carry
 * `data-message-type` too, with another value; and the composer selector.
 *
 * How a prompt is recognised: a user message that was not on screen when the
 * detector started, appearing alone (a history load adds many at once), as the
 * last user message, after the user typed in the composer. The answer is the
 * next message after it; it is counted as it grows (so a page closed mid-answer,
 * whose open turn the tap sends on pagehide, keeps what was shown) and ends once
 * its text has not changed for QUIET_MS (Meta shows no done marker that we know
 * of), or when its chat leaves the screen: opening another chat is an in-app
 * navigation that replaces the messages, and the detector must not mistake the
 * other chat's for the answer (seen in the replay, 2026-11).
 *
 * Cannot see: reasoning, the model, generated images, or a stopped answer (it
 * ends like a finished one); prompts sent without typing (suggestion chips,
 * voice, regenerate) are missed rather than risk counting history.
 */

const MESSAGE = '[data-message-type]';
const USER_MESSAGE = '[data-message-type="user"]';
const MESSAGE_TEXT = '[data-slot="text"]';
const COMPOSER = '[role="textbox"][contenteditable="true"], textarea';
/** The answer stopped streaming when its text is unchanged this long. */
export const QUIET_MS = 3_000;
/** An answer that has not started by then is not coming. */
export const FIRST_TEXT_MS = 120_000;

export const meta: SiteAdapter = {
  site: 'meta',
  version: 2,
  detect: detectPrompts,
};

export const metaPage: SitePage = {
  site: 'meta',
  // Seen 2026-07 (houyanchao/chatgpt-gemini-timeline custom-sites.js).
  userMessage: USER_MESSAGE,
  // Guessed 2026-11: a rich-text box or, in older builds, a textarea.
  composer: COMPOSER,
};

function detectPrompts({ doc, signal, open }: DomContext): void {
  if (signal.aborted) return;
  const known = new WeakSet<Element>(doc.querySelectorAll(MESSAGE));
  let typed = false;
  let current: PromptWatch | null = null;

  doc.addEventListener(
    'input',
    (event) => {
      if (event.target instanceof Element && event.target.closest(COMPOSER)) typed = true;
    },
    { capture: true, signal },
  );

  const observer = new MutationObserver((records) => {
    const users: Element[] = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const messages = [...node.querySelectorAll(MESSAGE)];
        if (node.matches(MESSAGE)) messages.unshift(node);
        for (const message of messages) {
          if (known.has(message)) continue;
          known.add(message);
          if (message.matches(USER_MESSAGE)) users.push(message);
        }
      }
    }
    const user = users[0];
    if (typed && users.length === 1 && user && isLastUserMessage(doc, user)) {
      typed = false;
      current?.end(current.answered ? 'complete' : 'interrupted');
      current = new PromptWatch(doc, user, open(), () => (current = null));
    }
    current?.check();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  signal.addEventListener('abort', () => {
    observer.disconnect();
    current?.end('interrupted');
  });
}

function isLastUserMessage(doc: Document, user: Element): boolean {
  const users = doc.querySelectorAll(USER_MESSAGE);
  return users[users.length - 1] === user;
}

/** One prompt on screen, waiting for its answer to stop changing. */
class PromptWatch {
  private answer: Element | null = null;
  private answerLength = 0;
  private prompted = false;
  private timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly doc: Document,
    private readonly user: Element,
    private readonly turn: TurnReport,
    private readonly ended: () => void,
  ) {
    this.timer = setTimeout(() => this.end('interrupted'), FIRST_TEXT_MS);
  }

  get answered(): boolean {
    return this.answerLength > 0;
  }

  /** Something changed on the page: count the answer and restart the quiet period if it grew. */
  check(): void {
    // Another chat replaced this one: what was measured stands.
    if (!this.user.isConnected) {
      this.end(this.answered ? 'complete' : 'interrupted');
      return;
    }
    const text = this.answerText();
    if (text.length === 0 || text.length === this.answerLength) return;
    this.answerLength = text.length;
    this.measure(text);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.end('complete'), QUIET_MS);
  }

  end(status: 'complete' | 'interrupted'): void {
    clearTimeout(this.timer);
    if (this.user.isConnected) this.measure(this.answerText());
    else this.reportPrompt();
    this.turn.status(status);
    this.turn.close();
    this.ended();
  }

  /** Counts the prompt (once) and the answer as shown now (a cumulative snapshot). */
  private measure(answer: string): void {
    this.reportPrompt();
    this.turn.answerSnapshot(answer);
  }

  /** Read once the answer has started or the turn ends, when the message is surely complete. */
  private reportPrompt(): void {
    if (this.prompted) return;
    this.prompted = true;
    const prompt = this.user.querySelector(MESSAGE_TEXT) ?? this.user;
    this.turn.prompt(prompt.textContent ?? '');
  }

  private answerText(): string {
    if (!this.answer?.isConnected) this.answer = this.findAnswer();
    return this.answer?.textContent ?? '';
  }

  /** The first message after the prompt that is not the user's. */
  private findAnswer(): Element | null {
    for (const message of this.doc.querySelectorAll(MESSAGE)) {
      const after = this.user.compareDocumentPosition(message) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (after && !message.matches(USER_MESSAGE)) return message;
    }
    return null;
  }
}
