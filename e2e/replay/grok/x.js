// The replay app for x.com: a single-page app whose Grok view is reached by
// history.pushState, not a page load. The timeline and posting use X's own
// GraphQL (never read by the extension); Grok prompts go to
// grok.x.com/2/grok/add_response.json and stream NDJSON. For the tests, every
// response records a SHA-256 of the exact bytes the page received.
(() => {
  // X's request headers, with made-up values.
  const AUTH = { authorization: 'Bearer replay-app-token', 'x-csrf-token': 'replay-csrf-token', 'x-twitter-active-user': 'yes', 'x-twitter-auth-type': 'OAuth2Session' };
  const views = { '/home': document.getElementById('home'), '/i/grok': document.getElementById('grok') };
  const timeline = document.getElementById('timeline');
  const postBox = document.querySelector('[data-testid="tweetTextarea_0"]');
  const grokThread = document.getElementById('grok-thread');
  const grokInput = document.querySelector('#grok textarea');
  const grokSend = document.querySelector('[aria-label="Grok something"]');
  const grokStop = document.querySelector('#grok [aria-label="Stop"]');
  const grokEndpoint = `https://grok.x.com${location.port ? `:${location.port}` : ''}/2/grok/add_response.json`;
  let grokConversation = null;
  let controller = null;

  show(location.pathname);
  void loadTimeline();

  for (const link of document.querySelectorAll('nav a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', link.getAttribute('href'));
      show(location.pathname);
    });
  }
  addEventListener('popstate', () => show(location.pathname));

  function show(path) {
    for (const [route, view] of Object.entries(views)) view.hidden = route !== path;
    document.body.dataset.view = path;
  }

  async function loadTimeline() {
    const variables = encodeURIComponent(JSON.stringify({ count: 20, includePromotedContent: true, latestControlAvailable: true }));
    await received(timeline, await fetch(`/i/api/graphql/Hq3xK1bN7vC2dF5gH8jL0w/HomeTimeline?variables=${variables}`, { credentials: 'include', headers: AUTH }));
    document.body.dataset.timelineLoaded = 'true';
  }

  document.querySelector('[data-testid="tweetButtonInline"]').addEventListener('click', async () => {
    const text = postBox.textContent.trim();
    if (!text) return;
    postBox.textContent = '';
    const post = document.createElement('article');
    post.dataset.testid = 'tweet';
    post.textContent = text;
    timeline.prepend(post);
    // The body carries text, as a Grok prompt does: the extension must still leave it alone.
    const body = { variables: { tweet_text: text, dark_request: false, media: { media_entities: [], possibly_sensitive: false }, semantic_annotation_ids: [] }, features: {}, queryId: 'Qn7cT2vB8mX4kL1pR6sW9a' };
    await received(post, await fetch('/i/api/graphql/Qn7cT2vB8mX4kL1pR6sW9a/CreateTweet', { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  });

  grokSend.addEventListener('click', () => void askGrok());
  grokInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void askGrok();
    }
  });
  grokStop.addEventListener('click', () => {
    controller?.abort();
    // X tells the server to stop too; this body has no user message.
    const cancel = { responses: [], systemPromptName: '', grokModelOptionId: '', conversationId: grokConversation, responseToChatItemId: '1903456789012349999', isCancel: true };
    void fetch(grokEndpoint, { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(cancel) });
  });

  async function askGrok() {
    const message = grokInput.value.trim();
    if (!message || controller) return;
    grokInput.value = '';
    bubble('bubble user', message);
    if (!grokConversation) {
      const created = await (await fetch('/i/api/graphql/6cmfJY3d7EPWuCSXWrkOFg/CreateGrokConversation', { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ variables: {}, queryId: '6cmfJY3d7EPWuCSXWrkOFg' }) })).json();
      grokConversation = created.data.create_grok_conversation.conversation_id;
    }
    const body = {
      responses: [{ message, sender: 1, promptSource: '', fileAttachments: [] }],
      systemPromptName: '',
      grokModelOptionId: document.getElementById('grok-model').value,
      conversationId: grokConversation,
      returnSearchResults: true,
      returnCitations: true,
      promptMetadata: { promptSource: 'NATURAL', action: 'INPUT' },
      imageGenerationCount: 4,
      requestFeatures: { eagerTweets: true, serverHistory: true },
      enableSideBySide: true,
      toolOverrides: {},
      modelMode: document.getElementById('grok-mode').value,
      isReasoning: false,
    };
    const answer = bubble('bubble', '');
    const thinking = answer.appendChild(document.createElement('div'));
    thinking.className = 'thinking';
    const text = answer.appendChild(document.createElement('div'));
    const images = new Set();
    const chunks = [];
    answer.dataset.streamState = 'streaming';
    controller = new AbortController();
    grokStop.hidden = false;
    const render = (line) => {
      let result;
      try {
        result = JSON.parse(line).result;
      } catch {
        return;
      }
      if (!result) return;
      if (result.responseType === 'limiter') {
        text.setAttribute('role', 'alert');
        text.textContent = result.message;
      }
      if (result.sender === 'ASSISTANT' && typeof result.message === 'string') {
        if (result.isThinking) thinking.textContent += result.message;
        else if (!result.messageTag || result.messageTag === 'final') text.textContent += result.message;
      }
      const image = result.imageAttachment?.mediaIdStr ?? result.event?.imageAttachmentUpdate?.imageIdStr;
      if (image && !images.has(image)) {
        images.add(image);
        const figure = answer.appendChild(document.createElement('figure'));
        figure.textContent = 'Image';
      }
    };
    try {
      const response = await fetch(grokEndpoint, { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: controller.signal });
      await received(answer, response, render, chunks);
      answer.dataset.streamState = 'done';
    } catch (error) {
      answer.dataset.streamState = error.name === 'AbortError' ? 'aborted' : 'failed';
      await hashInto(answer, chunks);
    } finally {
      controller = null;
      grokStop.hidden = true;
    }
    document.body.dataset.answers = String(Number(document.body.dataset.answers ?? 0) + 1);
  }

  function bubble(className, text) {
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    grokThread.append(element);
    return element;
  }

  /** Reads a response to its end (into `chunks`), line by line if asked, and records its bytes' SHA-256 on `element`. */
  async function received(element, response, onLine, chunks = []) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (!onLine) continue;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop();
      lines.forEach(onLine);
    }
    if (onLine && pending) onLine(pending);
    await hashInto(element, chunks);
  }

  async function hashInto(element, chunks) {
    const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    const digest = await crypto.subtle.digest('SHA-256', all);
    element.dataset.receivedBytes = String(all.length);
    element.dataset.receivedSha256 = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  }
})();
