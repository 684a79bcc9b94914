// The replay app: sends prompts the way chat-ui does (a multipart body whose
// `data` field holds the JSON options; a new chat is created first) and renders
// the JSON-lines MessageUpdates. Stop, Continue and Retry work as in chat-ui.
// For the tests, each answer records a SHA-256 of the bytes it received last.
(() => {
  const thread = document.getElementById('thread');
  const form = document.getElementById('chat-form');
  const input = form.querySelector('textarea');
  const imageTool = document.getElementById('image-tool');
  const stopButton = document.querySelector('[data-testid="stop"]');
  const continueButton = document.querySelector('[data-testid="continue"]');
  const retryButton = document.querySelector('[data-testid="retry"]');
  const PADDING = /\0/g;
  let conversationId = /^\/chat\/conversation\/([^/]+)/.exec(location.pathname)?.[1] ?? null;
  let streaming = false;
  let last = null;

  if (conversationId) void loadConversation();

  async function loadConversation() {
    const page = await (await fetch(`/chat/conversation/${conversationId}/__data.json?x-sveltekit-invalidated=11`)).json();
    for (const message of page.nodes[0].data.messages) {
      const element = messageElement(message.from);
      element.textContent = message.content;
    }
    document.body.dataset.historyLoaded = 'true';
  }

  function messageElement(type) {
    const element = document.createElement('div');
    element.dataset.messageType = type;
    thread.append(element);
    return element;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendPrompt();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void sendPrompt();
    }
  });
  stopButton.addEventListener('click', () => void fetch(`/chat/conversation/${conversationId}/stop-generating`, { method: 'POST' }));
  continueButton.addEventListener('click', () => {
    if (last) void generate({ id: last.id, is_retry: false, is_continue: true, web_search: false }, last);
  });
  retryButton.addEventListener('click', () => {
    if (!last) return;
    last.reset();
    void generate({ id: last.id, is_retry: true, is_continue: false, web_search: false }, last);
  });

  async function sendPrompt() {
    const text = input.value.trim();
    if (!text || streaming) return;
    input.value = '';
    messageElement('user').textContent = text;
    if (!conversationId) {
      const created = await (await fetch('/chat/conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'omni', preprompt: '' }) })).json();
      conversationId = created.conversationId;
      history.pushState(null, '', `/chat/conversation/${conversationId}`);
    }
    const tools = imageTool.checked ? ['image_generation'] : [];
    await generate({ inputs: text, id: crypto.randomUUID(), is_retry: false, is_continue: false, web_search: false, tools }, newAnswer());
  }

  async function generate(options, answer) {
    streaming = true;
    last = answer;
    stopButton.hidden = false;
    continueButton.hidden = retryButton.hidden = true;
    answer.element.dataset.streamState = 'streaming';
    const body = new FormData();
    body.append('data', JSON.stringify(options));
    const chunks = [];
    try {
      const response = await fetch(`/chat/conversation/${conversationId}`, { method: 'POST', body });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let pending = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        pending += decoder.decode(value, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) answer.update(line);
      }
      answer.element.dataset.streamState = answer.failed ? 'failed' : 'done';
    } catch {
      answer.element.dataset.streamState = 'failed';
    } finally {
      streaming = false;
      stopButton.hidden = true;
      retryButton.hidden = false;
    }
    await answer.received(chunks);
  }

  function newAnswer() {
    const element = messageElement('assistant');
    const model = document.createElement('div');
    model.className = 'model';
    const reasoning = document.createElement('details');
    reasoning.className = 'reasoning';
    const summary = reasoning.appendChild(document.createElement('summary'));
    const thoughts = reasoning.appendChild(document.createElement('div'));
    const text = document.createElement('div');
    element.append(model, reasoning, text);
    const files = new Set();
    const answer = {
      element,
      id: crypto.randomUUID(),
      failed: false,
      reset() {
        thoughts.textContent = text.textContent = model.textContent = summary.textContent = '';
        for (const figure of element.querySelectorAll('figure')) figure.remove();
        files.clear();
      },
      update(line) {
        let update;
        try {
          update = JSON.parse(line);
        } catch {
          return;
        }
        const token = typeof update.token === 'string' ? update.token.replace(PADDING, '') : '';
        if (update.type === 'stream') text.textContent += token;
        if (update.type === 'reasoning' && update.subtype === 'stream') thoughts.textContent += token;
        if (update.type === 'reasoning' && update.subtype === 'status') summary.textContent = update.status;
        if (update.type === 'routerMetadata') model.textContent = `${update.route} · ${update.model}`;
        if (update.type === 'file' && update.mime?.startsWith('image/') && !files.has(update.sha)) {
          files.add(update.sha);
          element.appendChild(document.createElement('figure')).textContent = update.name;
        }
        if (update.type === 'finalAnswer') {
          text.textContent = update.text;
          continueButton.hidden = !update.interrupted;
        }
        if (update.type === 'status' && update.status === 'error') {
          answer.failed = true;
          text.className = 'error';
          text.textContent = update.message;
        }
        if (update.type === 'title') document.title = update.title;
      },
      async received(chunks) {
        const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
        let offset = 0;
        for (const chunk of chunks) {
          all.set(chunk, offset);
          offset += chunk.length;
        }
        const digest = await crypto.subtle.digest('SHA-256', all);
        element.dataset.receivedBytes = String(all.length);
        element.dataset.receivedSha256 = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
        document.body.dataset.answers = String(Number(document.body.dataset.answers ?? 0) + 1);
      },
    };
    return answer;
  }
})();
