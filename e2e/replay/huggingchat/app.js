// The replay app: sends prompts the way chat-ui does (a multipart body whose
// `data` field holds the JSON options; a new chat is created first) and renders
// the JSON-lines MessageUpdates. Stop, Continue and Retry work as in chat-ui.
// For the tests, each answer records a SHA-256 of the bytes it received last (the page kit).
(() => {
  const kit = window.replayKit;
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
    for (const message of page.nodes[0].data.messages) messageElement(message.from, message.content);
    document.body.dataset.historyLoaded = 'true';
  }

  function messageElement(type, text, ...children) {
    return thread.appendChild(kit.element('div', { data: { messageType: type }, text }, ...children));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendPrompt();
  });
  kit.sendOnEnter(input, sendPrompt);
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
    messageElement('user', text);
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
    const body = new FormData();
    body.append('data', JSON.stringify(options));
    const chunks = [];
    await kit.answerState(answer.element, async () => {
      const response = await fetch(`/chat/conversation/${conversationId}`, { method: 'POST', body });
      let pending = '';
      await kit.readStream(response, chunks, (text) => {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) answer.update(line);
      });
      return answer.failed ? 'failed' : 'done';
    });
    streaming = false;
    stopButton.hidden = true;
    retryButton.hidden = false;
    await kit.answered(answer.element, chunks);
  }

  function newAnswer() {
    const model = kit.element('div', { className: 'model' });
    const summary = kit.element('summary');
    const thoughts = kit.element('div');
    const reasoning = kit.element('details', { className: 'reasoning' }, summary, thoughts);
    const text = kit.element('div');
    const element = messageElement('assistant', undefined, model, reasoning, text);
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
          element.appendChild(kit.element('figure', { text: update.name }));
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
    };
    return answer;
  }
})();
