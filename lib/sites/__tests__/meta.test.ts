// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDomDetector } from '../../capture/__tests__/fakes';
import { FIRST_TEXT_MS, meta, metaPage, QUIET_MS } from '../meta';

const length = (text: string) => [...text].length;

/** A Meta AI chat page as seen 2026-06 (data-message-type, data-slot), built without innerHTML. */
function chatPage(history: [type: string, text: string][]) {
  document.body.replaceChildren();
  const scroller = document.createElement('div');
  scroller.className = 'box-border';
  scroller.setAttribute('style', '--composer-overlap:168px');
  const list = document.createElement('div');
  for (const [type, text] of history) list.append(message(type, text));
  const composer = document.createElement('div');
  composer.setAttribute('role', 'textbox');
  composer.setAttribute('contenteditable', 'true');
  scroller.append(list);
  document.body.append(scroller, composer);
  return {
    list,
    type(text: string) {
      composer.textContent = text;
      composer.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };
}

function message(type: string, text: string): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('data-message-type', type);
  const slot = document.createElement('div');
  slot.setAttribute('data-slot', 'text');
  slot.textContent = text;
  element.append(slot);
  return element;
}

/** Meta's detector on this page, with real turns. */
const detect = () => runDomDetector(meta, document);

/** Lets mutation observers and due timers run. */
const wait = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

/** The assistant streams its answer into one text node, as React does between renders. */
async function stream(list: HTMLElement, chunks: string[]): Promise<HTMLElement> {
  const answer = message('assistant', '');
  list.append(answer);
  await wait(400);
  const text = answer.firstElementChild!.appendChild(document.createTextNode(''));
  for (const chunk of chunks) {
    text.data += chunk;
    await wait(400);
  }
  return answer;
}

const OLD: [string, string][] = [
  ['user', 'Name a river in Spain'],
  ['assistant', 'The Ebro.'],
];

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Meta AI DOM detector', () => {
  it('measures a new prompt once its answer has stopped streaming', async () => {
    const page = chatPage(OLD);
    const detector = detect();
    page.type('What is the tallest mountain in Africa?');
    page.list.append(message('user', 'What is the tallest mountain in Africa?'));
    await wait();
    await stream(page.list, ['Kilimanjaro, ', 'at 5,895 m, ', 'is the tallest mountain in Africa.']);
    expect(detector.finals()).toEqual([expect.objectContaining({ status: 'interrupted', outputChars: 0 })]);

    await wait(QUIET_MS);
    expect(detector.finals()).toEqual([
      expect.objectContaining({
        kind: 'text',
        detector: 'dom',
        status: 'complete',
        model: null,
        inputChars: length('What is the tallest mountain in Africa?'),
        outputChars: length('Kilimanjaro, at 5,895 m, is the tallest mountain in Africa.'),
        reasoningChars: 0,
      }),
    ]);
  });

  it('keeps waiting while the answer pauses for less than the quiet period', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Count to three');
    page.list.append(message('user', 'Count to three'));
    await wait();
    const answer = await stream(page.list, ['One,']);
    await wait(QUIET_MS - 500);
    answer.firstElementChild!.append(' two, three.');
    await wait(QUIET_MS - 500);
    expect(detector.finals()[0]).toMatchObject({ status: 'interrupted', outputChars: 0 });
    await wait(500);
    expect(detector.finals()[0]).toMatchObject({ status: 'complete', outputChars: length('One, two, three.') });
  });

  it('ends the quiet period on time while other parts of the page keep changing', async () => {
    const page = chatPage([]);
    const clock = document.body.appendChild(document.createElement('time'));
    const detector = detect();
    page.type('Two plus two?');
    page.list.append(message('user', 'Two plus two?'));
    await wait();
    await stream(page.list, ['Four.']);
    for (let second = 1; second * 1000 <= QUIET_MS; second++) {
      clock.textContent = `${second}s`;
      await wait(1000);
    }
    expect(detector.finals()[0]).toMatchObject({ status: 'complete', outputChars: length('Four.') });
  });

  it('never counts messages already on screen at load, even when they change', async () => {
    const page = chatPage(OLD);
    const detector = detect();
    page.type('draft');
    const oldAnswer = page.list.lastElementChild!.firstElementChild!;
    oldAnswer.textContent = 'The Ebro, the Tagus and the Duero.';
    // The page moves the old question below its answer: re-inserted, not new.
    page.list.append(page.list.firstElementChild!);
    await wait(FIRST_TEXT_MS);
    expect(detector.sent).toEqual([]);
  });

  it('ignores a conversation loaded from history, many messages at once', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('an unsent draft');
    // The newest exchange renders first, older ones above it, in one go.
    page.list.append(message('user', 'Second question'), message('assistant', 'Second answer.'));
    page.list.prepend(message('user', 'First question'), message('assistant', 'First answer.'));
    await wait(FIRST_TEXT_MS);
    expect(detector.sent).toEqual([]);
  });

  it('ignores a user message the user did not type', async () => {
    const page = chatPage(OLD);
    const detector = detect();
    page.list.append(message('user', 'Rendered by the app'));
    await stream(page.list, ['Some answer.']);
    await wait(FIRST_TEXT_MS);
    expect(detector.sent).toEqual([]);
  });

  it('ignores a message that appears above the last user message', async () => {
    const page = chatPage(OLD);
    const detector = detect();
    page.type('draft');
    page.list.prepend(message('user', 'An older question, scrolled into view'));
    await wait(FIRST_TEXT_MS);
    expect(detector.sent).toEqual([]);
  });

  it('ends a prompt whose answer never starts as interrupted', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Hello?');
    page.list.append(message('user', 'Hello?'));
    await wait(FIRST_TEXT_MS - 1);
    expect(detector.finals()[0]).toMatchObject({ status: 'interrupted', outputChars: 0 });
    const before = detector.sent.length;
    await wait(1);
    expect(detector.sent.length).toBe(before + 1);
    expect(detector.finals()).toEqual([expect.objectContaining({ status: 'interrupted', inputChars: length('Hello?') })]);
  });

  it('measures an answer the page re-renders into a new element', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Capital of Peru?');
    page.list.append(message('user', 'Capital of Peru?'));
    await wait();
    const streamed = await stream(page.list, ['Lima']);
    streamed.replaceWith(message('assistant', 'Lima is the capital of Peru.'));
    await wait(QUIET_MS);
    expect(detector.finals()[0]).toMatchObject({ status: 'complete', outputChars: length('Lima is the capital of Peru.') });
  });

  it('ends the previous prompt when the next one is sent', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Say hi');
    page.list.append(message('user', 'Say hi'));
    await wait();
    await stream(page.list, ['Hi!']);
    page.type('Now in French');
    page.list.append(message('user', 'Now in French'));
    await wait();
    await stream(page.list, ['Salut !']);
    await wait(QUIET_MS);
    expect(detector.finals()).toEqual([
      expect.objectContaining({ status: 'complete', inputChars: length('Say hi'), outputChars: length('Hi!') }),
      expect.objectContaining({ status: 'complete', inputChars: length('Now in French'), outputChars: length('Salut !') }),
    ]);
  });

  it('keeps the prompt and the answer shown so far in the open turn, for a page closed mid-answer', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Tell me a story');
    page.list.append(message('user', 'Tell me a story'));
    await wait();
    await stream(page.list, ['Once upon a time', ', a keeper']);
    expect(detector.flushed()).toEqual([
      expect.objectContaining({
        status: 'interrupted',
        inputChars: length('Tell me a story'),
        outputChars: length('Once upon a time, a keeper'),
      }),
    ]);
  });

  it('ends a prompt whose chat another one replaced (in-app navigation) with what it had shown', async () => {
    const page = chatPage(OLD);
    const detector = detect();
    page.type('What is the tallest mountain in Africa?');
    page.list.append(message('user', 'What is the tallest mountain in Africa?'));
    await wait();
    await stream(page.list, ['Kilimanjaro.']);
    // Before the quiet period ends, the user opens another chat: its messages replace these.
    page.list.replaceChildren(message('user', 'What is the capital of Peru?'), message('assistant', 'Lima is the capital of Peru.'));
    await wait();
    expect(detector.finals()).toEqual([
      expect.objectContaining({
        status: 'complete',
        inputChars: length('What is the tallest mountain in Africa?'),
        outputChars: length('Kilimanjaro.'),
      }),
    ]);
    await wait(FIRST_TEXT_MS);
    expect(detector.finals()).toHaveLength(1);
  });

  it('stops watching when aborted, ending an open prompt with what it had', async () => {
    const page = chatPage([]);
    const detector = detect();
    page.type('Tell me a story');
    page.list.append(message('user', 'Tell me a story'));
    await wait();
    await stream(page.list, ['Once upon a time']);
    detector.abort();
    expect(detector.finals()).toEqual([
      expect.objectContaining({ status: 'interrupted', outputChars: length('Once upon a time') }),
    ]);
    const emitted = detector.sent.length;
    page.type('Another one');
    page.list.append(message('user', 'Another one'));
    await stream(page.list, ['No.']);
    await wait(FIRST_TEXT_MS);
    expect(detector.sent.length).toBe(emitted);
  });

  it('names the elements the health witness looks for', () => {
    const page = chatPage(OLD);
    expect(document.querySelectorAll(metaPage.userMessage)).toHaveLength(1);
    expect(document.querySelector(metaPage.composer)).not.toBeNull();
    expect(page.list.children).toHaveLength(2);
  });
});
