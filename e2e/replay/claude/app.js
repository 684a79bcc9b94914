// The replay app: talks to the API the way claude.ai does (conversation created
// before its first completion, same paths and body shape) and renders the
// Messages-API SSE stream. It records, for the tests, a SHA-256 of the exact
// bytes each answer delivered to the page (the page kit).
(() => {
  const kit = window.replayKit;
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
  const stopping = kit.stopButton(stop);

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
    thread.append(kit.element('div', { className: 'turn', data: { testid: 'user-message' }, text }));
  }

  function answerElement() {
    const thinking = kit.element('div', { className: 'thinking' });
    const text = kit.element('div', { className: 'font-claude-response' });
    const container = kit.element('div', { className: 'turn', data: { isStreaming: 'false' } }, thinking, text);
    thread.append(container);
    return { container, thinking, text };
  }

  // Stop also tells the server (the kit's listener, added first, aborts the request).
  stop.addEventListener('click', () => {
    void api.then((base) => fetch(`${base}/chat_conversations/${conversation}/stop_response`, { method: 'POST', headers: json }));
  });
  send.addEventListener('click', () => void sendPrompt());
  kit.sendOnEnter(composer, sendPrompt);

  async function sendPrompt() {
    const prompt = composer.textContent.trim();
    if (!prompt || stopping.busy) return;
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
    const signal = stopping.start();
    const received = [];
    await kit.answerState(answer.container, async () => {
      const response = await fetch(`${base}/chat_conversations/${conversation}/completion`, {
        method: 'POST',
        headers: { ...json, accept: 'text/event-stream' },
        body: JSON.stringify(body),
        signal,
      });
      await kit.readStream(response, received, newMessagesRenderer(answer));
    });
    answer.container.dataset.isStreaming = 'false';
    stopping.end();
    if (++answered === 1) {
      void fetch(`${base}/chat_conversations/${conversation}/title`, { method: 'POST', headers: json, body: JSON.stringify({ recent_titles: [] }) });
    }
    await kit.answered(answer.container, received);
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
    if (!answer.text.textContent) kit.answerStarted();
    answer.text.textContent += text;
  }
})();
