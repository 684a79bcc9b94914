// The replay app: sends prompts the way chatgpt.com does (same endpoints, body
// shape and headers) and renders the v1 delta stream. It records, for the tests,
// a SHA-256 of the exact bytes each answer delivered to the page (the page kit).
(() => {
  const kit = window.replayKit;
  const thread = document.getElementById('thread');
  const composer = document.getElementById('prompt-textarea');
  const send = document.querySelector('[data-testid="send-button"]');
  const stop = document.querySelector('[data-testid="stop-button"]');
  const modelPicker = document.querySelector('[data-testid="model-switcher-dropdown-button"]');
  const imageTool = document.querySelector('[data-testid="image-tool"]');
  let conversationId = location.pathname.startsWith('/c/') ? location.pathname.slice(3) : null;
  let parentId = 'client-created-root';
  let prepareTimer = null;
  const stopping = kit.stopButton(stop);
  // Test-only: "?redesign" posts prompts to a path the adapter does not know, as
  // after a site redesign, so that the page witness sees prompts nothing measured.
  const conversationPath = new URLSearchParams(location.search).has('redesign') ? '/backend-api/f/conversation-v2' : '/backend-api/f/conversation';

  const headers = { 'content-type': 'application/json', accept: 'text/event-stream', 'oai-language': 'en-US' };
  void fetch('/backend-api/conversation/init', { method: 'POST', headers, body: JSON.stringify({ gizmo_id: null }) });

  function bubble(role, text, id) {
    return thread.appendChild(kit.element('div', { data: { messageAuthorRole: role, messageId: id }, text }));
  }

  if (conversationId) {
    fetch(`/backend-api/conversation/${conversationId}`, { headers })
      .then((response) => response.json())
      .then((history) => {
        for (const message of history.messages) bubble(message.role, message.text, message.id);
        document.body.dataset.historyLoaded = 'true';
      });
  }

  composer.addEventListener('input', () => {
    clearTimeout(prepareTimer);
    // Like the real app, warm up the conversation while the user types: not a prompt.
    prepareTimer = setTimeout(() => {
      void fetch('/backend-api/f/conversation/prepare', {
        method: 'POST',
        headers,
        body: JSON.stringify({ action: 'next', conversation_id: conversationId, model: modelPicker.value, supports_buffering: true }),
      });
    }, 150);
  });

  send.addEventListener('click', () => void sendPrompt());
  kit.sendOnEnter(composer, sendPrompt);

  async function sendPrompt() {
    const text = composer.textContent.trim();
    if (!text) return;
    composer.textContent = '';
    clearTimeout(prepareTimer);
    const messageId = crypto.randomUUID();
    bubble('user', text, messageId);
    const body = {
      action: 'next',
      messages: [{ id: messageId, author: { role: 'user' }, create_time: Date.now() / 1000, content: { content_type: 'text', parts: [text] }, metadata: { selected_github_repos: [], serialization_metadata: { custom_symbol_offsets: [] } } }],
      conversation_id: conversationId ?? undefined,
      parent_message_id: parentId,
      model: modelPicker.value,
      timezone_offset_min: new Date().getTimezoneOffset(),
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      conversation_mode: { kind: 'primary_assistant' },
      enable_message_followups: true,
      system_hints: imageTool.checked ? ['picture_v2'] : [],
      supports_buffering: true,
      supported_encodings: ['v1'],
      client_contextual_info: { is_dark_mode: false, time_since_loaded: Math.round(performance.now() / 1000), page_height: innerHeight, page_width: innerWidth, pixel_ratio: devicePixelRatio, screen_height: screen.height, screen_width: screen.width },
      paragen_cot_summary_display_override: 'allow',
      force_parallel_switch: 'auto',
    };
    const answer = bubble('assistant', '', 'pending');
    const signal = stopping.start();
    const received = [];
    await kit.answerState(answer, async () => {
      const response = await fetch(conversationPath, { method: 'POST', headers, body: JSON.stringify(body), signal });
      const v1 = newV1Renderer(answer);
      await kit.readStream(response, received, (text) => v1.push(text));
    });
    stopping.end();
    await kit.answered(answer, received);
  }

  /** Just enough of the v1 delta encoding to show the answer text. */
  function newV1Renderer(element) {
    let pending = '';
    let path = '';
    let op = '';
    let role = '';
    let contentType = '';
    const append = (value) => {
      if (role === 'assistant' && contentType === 'text' && typeof value === 'string') element.textContent += value;
    };
    const apply = (p, o, v) => {
      if (o === 'patch' && Array.isArray(v)) return v.forEach((item) => apply(item.p, item.o, item.v));
      if (v && typeof v === 'object' && v.message) {
        role = v.message.author?.role;
        contentType = v.message.content?.content_type;
        if (role === 'assistant' && v.message.metadata?.model_slug) element.dataset.messageModelSlug = v.message.metadata.model_slug;
        if (v.conversation_id && !conversationId) {
          conversationId = v.conversation_id;
          history.replaceState(null, '', `/c/${conversationId}`);
        }
        if (role === 'assistant') {
          element.dataset.messageId = v.message.id;
          parentId = v.message.id;
        }
        return;
      }
      if (p === '/message/content/parts/0' && o === 'append') append(v);
    };
    return {
      push(text) {
        pending += text;
        const events = pending.split('\n\n');
        pending = events.pop();
        for (const event of events) {
          const data = event.split('\n').find((line) => line.startsWith('data: '));
          if (!data || data === 'data: [DONE]') continue;
          let parsed;
          try {
            parsed = JSON.parse(data.slice(6));
          } catch {
            continue;
          }
          if (!parsed || typeof parsed !== 'object' || !('v' in parsed)) continue;
          if ('p' in parsed) path = parsed.p;
          if ('o' in parsed) op = parsed.o;
          apply(path, op || 'add', parsed.v);
        }
      },
    };
  }
})();
