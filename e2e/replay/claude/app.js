// The replay app: talks to the API the way claude.ai does (conversation created
// before its first completion, same paths and body shape) and renders the
// Messages-API SSE stream. It records, for the tests, a SHA-256 of the exact
// bytes each answer delivered to the page.
(() => {
  const thread = document.getElementById('thread');
  const composer = document.querySelector('[data-testid="chat-input"]');
  const send = document.querySelector('button[aria-label="Send message"]');
  const stop = document.querySelector('button[aria-label="Stop response"]');
  const picker = document.querySelector('[data-testid="model-selector-dropdown"]');
  const json = { 'content-type': 'application/json' };
  /** The root every first message of a conversation answers to. */
  const ROOT = '00000000-0000-4000-8000-000000000000';
  let conversation = location.pathname.startsWith('/chat/') ? location.pathname.slice(6) : null;
  let conversationModel = null;
  let parent = ROOT;
  let answered = 0;
  let controller = null;

  const api = fetch('/api/organizations')
    .then((response) => response.json())
    .then((organizations) => `/api/organizations/${organizations[0].uuid}`);

  void api.then((base) => fetch(`${base}/chat_conversations?limit=30&consistency=eventual`));
  if (conversation) {
    void api
      .then((base) => fetch(`${base}/chat_conversations/${conversation}?tree=True&rendering_mode=messages&render_all_tools=true`))
      .then((response) => response.json())
      .then((history) => {
        conversationModel = history.model;
        for (const message of history.chat_messages) {
          if (message.sender === 'human') userMessage(message.text);
          else answerElement().text.textContent = message.text;
          parent = message.uuid;
        }
        document.body.dataset.historyLoaded = 'true';
      });
  }

  function userMessage(text) {
    const element = document.createElement('div');
    element.className = 'turn';
    element.dataset.testid = 'user-message';
    element.textContent = text;
    thread.append(element);
  }

  function answerElement() {
    const container = document.createElement('div');
    container.className = 'turn';
    container.dataset.isStreaming = 'false';
    const thinking = document.createElement('div');
    thinking.className = 'thinking';
    const text = document.createElement('div');
    text.className = 'font-claude-response';
    container.append(thinking, text);
    thread.append(container);
    return { container, thinking, text };
  }

  stop.addEventListener('click', () => {
    controller?.abort();
    void api.then((base) => fetch(`${base}/chat_conversations/${conversation}/stop_response`, { method: 'POST', headers: json }));
  });
  send.addEventListener('click', () => void sendPrompt());
  composer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void sendPrompt();
    }
  });

  async function sendPrompt() {
    const prompt = composer.textContent.trim();
    if (!prompt || controller) return;
    composer.textContent = '';
    userMessage(prompt);
    const base = await api;
    if (!conversation) {
      conversation = crypto.randomUUID();
      conversationModel = picker.value;
      await fetch(`${base}/chat_conversations`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ uuid: conversation, name: '', model: conversationModel, include_conversation_preferences: true }),
      });
      history.replaceState(null, '', `/chat/${conversation}`);
    }
    const body = {
      prompt,
      parent_message_uuid: parent,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      personalized_styles: [{ type: 'default', key: 'Default', name: 'Normal', nameKey: 'normal_style_name', prompt: 'Normal\n', summary: 'Default responses from Claude', summaryKey: 'normal_style_summary', isDefault: true }],
      locale: 'en-US',
      tools: [],
      attachments: [],
      files: [],
      sync_sources: [],
      rendering_mode: 'messages',
    };
    // The conversation already names its model; the completion names one only when the user switched.
    if (picker.value !== conversationModel) body.model = conversationModel = picker.value;

    const answer = answerElement();
    answer.container.dataset.isStreaming = 'true';
    answer.container.dataset.streamState = 'streaming';
    controller = new AbortController();
    stop.hidden = false;
    const received = [];
    try {
      const response = await fetch(`${base}/chat_conversations/${conversation}/completion`, {
        method: 'POST',
        headers: { ...json, accept: 'text/event-stream' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const render = newMessagesRenderer(answer);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received.push(value);
        render(decoder.decode(value, { stream: true }));
      }
      answer.container.dataset.streamState = 'done';
    } catch (error) {
      answer.container.dataset.streamState = error.name === 'AbortError' ? 'aborted' : 'failed';
    } finally {
      answer.container.dataset.isStreaming = 'false';
      stop.hidden = true;
      controller = null;
    }
    if (++answered === 1) {
      void fetch(`${base}/chat_conversations/${conversation}/title`, { method: 'POST', headers: json, body: JSON.stringify({ recent_titles: [] }) });
    }
    await recordReceived(answer.container, received);
  }

  /** Just enough of the Messages-API events to show the thinking and the answer. */
  function newMessagesRenderer(answer) {
    let pending = '';
    return (text) => {
      pending += text;
      const events = pending.split('\n\n');
      pending = events.pop();
      for (const event of events) {
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        let parsed;
        try {
          parsed = JSON.parse(data.slice(6));
        } catch {
          continue;
        }
        if (parsed?.type === 'message_start' && parsed.message?.uuid) parent = parsed.message.uuid;
        const delta = parsed?.type === 'content_block_delta' ? parsed.delta : null;
        if (delta?.type === 'text_delta' && typeof delta.text === 'string') showAnswer(answer, delta.text);
        if (delta?.type === 'thinking_summary_delta' && typeof delta.summary?.summary === 'string') answer.thinking.textContent += delta.summary.summary;
        if (delta?.type === 'thinking_delta' && typeof delta.thinking === 'string') answer.thinking.textContent += delta.thinking;
      }
    };
  }

  function showAnswer(answer, text) {
    if (!text) return;
    if (!answer.text.textContent) document.body.dataset.answersStarted = String(Number(document.body.dataset.answersStarted ?? 0) + 1);
    answer.text.textContent += text;
  }

  /** Marks the answer with what the page received, for the byte-for-byte check. */
  async function recordReceived(element, chunks) {
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    element.dataset.receivedBytes = String(bytes.length);
    element.dataset.receivedSha256 = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    document.body.dataset.answers = String(Number(document.body.dataset.answers ?? 0) + 1);
  }
})();
