// The replay app for x.com: a single-page app whose Grok view is reached by
// history.pushState, not a page load. The timeline and posting use X's own
// GraphQL (never read by the extension); Grok prompts go to
// grok.x.com/2/grok/add_response.json and stream NDJSON. For the tests, every
// response records a SHA-256 of the exact bytes the page received (the page kit).
(() => {
  const kit = window.replayKit;
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
  const stopping = kit.stopButton(grokStop);

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
    const post = kit.element('article', { data: { testid: 'tweet' }, text });
    timeline.prepend(post);
    // The body carries text, as a Grok prompt does: the extension must still leave it alone.
    const body = { variables: { tweet_text: text, dark_request: false, media: { media_entities: [], possibly_sensitive: false }, semantic_annotation_ids: [] }, features: {}, queryId: 'Qn7cT2vB8mX4kL1pR6sW9a' };
    await received(post, await fetch('/i/api/graphql/Qn7cT2vB8mX4kL1pR6sW9a/CreateTweet', { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  });

  grokSend.addEventListener('click', () => void askGrok());
  kit.sendOnEnter(grokInput, askGrok);
  grokStop.addEventListener('click', () => {
    // X tells the server to stop too (the kit's listener, added first, aborts the
    // request); this body has no user message.
    const cancel = { responses: [], systemPromptName: '', grokModelOptionId: '', conversationId: grokConversation, responseToChatItemId: '1903456789012349999', isCancel: true };
    void fetch(grokEndpoint, { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(cancel) });
  });

  async function askGrok() {
    const message = grokInput.value.trim();
    if (!message || stopping.busy) return;
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
    const thinking = answer.appendChild(kit.element('div', { className: 'thinking' }));
    const text = answer.appendChild(kit.element('div'));
    const images = new Set();
    const chunks = [];
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
        answer.appendChild(kit.element('figure', { text: 'Image' }));
      }
    };
    const signal = stopping.start();
    await kit.answerState(answer, async () => {
      const response = await fetch(grokEndpoint, { method: 'POST', credentials: 'include', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      await readLines(response, chunks, render);
    });
    stopping.end();
    await kit.answered(answer, chunks);
  }

  function bubble(className, text) {
    return grokThread.appendChild(kit.element('div', { className, text }));
  }

  /** Reads a response to its end (into `chunks`), passing each line, the last one included, to `onLine`. */
  async function readLines(response, chunks, onLine) {
    let pending = '';
    await kit.readStream(response, chunks, (text) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop();
      lines.forEach(onLine);
    });
    if (pending) onLine(pending);
  }

  /** Reads one of X's own responses to its end and records its bytes on `element`. */
  async function received(element, response) {
    const chunks = [];
    await kit.readStream(response, chunks);
    await kit.recordReceived(element, chunks);
  }
})();
