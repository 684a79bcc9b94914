// The page kit: what the replay apps share, loaded by every replay page before
// its app (served at /__replay/kit.js, see kit.ts). Nothing here is part of a
// real site. It builds the apps' elements (never with innerHTML), reads
// streamed answers, runs answers the user can stop, and records, for the
// tests, what each answer delivered to the page: its byte count and the
// SHA-256 of its exact bytes (data-received-bytes, data-received-sha256), or
// of its socket frames (data-received-frames), with <body data-answers>
// counting finished answers and <body data-answers-started> those that began
// to show. It is on `window.replayKit`.
(() => {
  const encoder = new TextEncoder();

  /** A new element: its class, data-* attributes (dataset names), other attributes, text, then children. */
  function element(tag, { className, data, attributes, text } = {}, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    Object.assign(node.dataset, data);
    for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    node.append(...children);
    return node;
  }

  /** Enter without Shift in `composer` sends, as in the real apps. */
  function sendOnEnter(composer, send) {
    composer.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        void send();
      }
    });
  }

  /** Reads a response to its end: each chunk as it came into `received`, its text to `onText` (if given) as it streams. */
  async function readStream(response, received, onText) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received.push(value);
      onText?.(decoder.decode(value, { stream: true }));
    }
  }

  /**
   * The Stop button of an app whose Stop aborts the answer's request: `start()`
   * shows it and returns the signal it aborts; `end()` hides it. `busy` between.
   */
  function stopButton(button) {
    let controller = null;
    button.addEventListener('click', () => controller?.abort());
    return {
      get busy() {
        return controller !== null;
      },
      start() {
        controller = new AbortController();
        button.hidden = false;
        return controller.signal;
      },
      end() {
        button.hidden = true;
        controller = null;
      },
    };
  }

  /**
   * Runs one answer, marking `target` with data-stream-state: "streaming", then
   * the state `answer` resolves to ("done" if none), or "aborted" (Stop) or
   * "failed" if it throws.
   */
  async function answerState(target, answer) {
    target.dataset.streamState = 'streaming';
    try {
      target.dataset.streamState = (await answer()) ?? 'done';
    } catch (error) {
      target.dataset.streamState = error.name === 'AbortError' ? 'aborted' : 'failed';
    }
  }

  function count(name) {
    document.body.dataset[name] = String(Number(document.body.dataset[name] ?? 0) + 1);
  }

  /** Counts an answer that began to show (the tests press Stop then). */
  const answerStarted = () => count('answersStarted');
  /** Counts a finished answer (the tests wait for the count, then read what it recorded). */
  const answerFinished = () => count('answers');

  function joined(chunks) {
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }

  async function sha256Hex(bytes) {
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** Marks `target` with what the page received: chunks of bytes, or text (as UTF-8). */
  async function recordReceived(target, received) {
    const bytes = typeof received === 'string' ? encoder.encode(received) : joined(received);
    const sha256 = await sha256Hex(bytes);
    target.dataset.receivedBytes = String(bytes.length);
    target.dataset.receivedSha256 = sha256;
  }

  /** Records what an answer received on `target`, then counts it finished. */
  async function answered(target, received) {
    await recordReceived(target, received);
    answerFinished();
  }

  /** Per element, the data-* writes still hashing: each element's are applied in the order they were asked for. */
  const pending = new WeakMap();

  /** Sets the data-* attributes `attributes()` resolves to on `target`, after those asked for before. */
  function recordLater(target, attributes) {
    const done = (pending.get(target) ?? Promise.resolve()).then(async () => Object.assign(target.dataset, await attributes()));
    pending.set(target, done);
  }

  /**
   * Records the frames a socket delivered for one answer on `target`, after
   * each frame: their count and the SHA-256 of the frames so far (binary frames
   * back to back, text frames one per line).
   */
  function frameRecorder(target) {
    const frames = [];
    return (frame) => {
      frames.push(frame);
      const bytes = typeof frame === 'string' ? encoder.encode(frames.join('\n')) : joined(frames);
      const count = String(frames.length);
      recordLater(target, async () => ({ receivedSha256: await sha256Hex(bytes), receivedFrames: count }));
    };
  }

  /**
   * Posts a job the way an image app does, as a `[data-job]` item at the top of
   * `#jobs` that records the HTTP status and the bytes received; counts the answer.
   */
  async function postJob(url, body, headers = {}) {
    const item = element('li', { data: { job: 'pending' }, text: 'Submitting…' });
    document.getElementById('jobs').prepend(item);
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      item.dataset.httpStatus = String(response.status);
      await recordReceived(item, [bytes]);
      item.dataset.job = response.ok ? 'queued' : 'refused';
      item.textContent = response.ok ? 'Queued: your images will appear here.' : 'The site refused this job.';
    } catch (error) {
      item.dataset.job = 'failed';
      item.textContent = String(error);
    } finally {
      answerFinished();
    }
  }

  window.replayKit = {
    element,
    sendOnEnter,
    readStream,
    stopButton,
    answerState,
    answerStarted,
    answerFinished,
    recordReceived,
    answered,
    recordLater,
    frameRecorder,
    sha256Hex,
    postJob,
  };
})();
