// The replay app: chats the way chat.mistral.ai does (a new chat through tRPC
// message.newChat, then /api/chat "start"; follow-ups /api/chat "append") and
// renders the line stream: message patches, or the older Vercel data stream.
// It records, for the tests, a SHA-256 of the exact bytes each answer
// delivered to the page (the page kit).
(() => {
  const kit = window.replayKit;
  const messages = document.getElementById('messages');
  const composer = document.querySelector('div.ProseMirror');
  const send = document.querySelector('button[aria-label="Send question"]');
  const stop = document.querySelector('button[aria-label="Stop generation"]');
  const json = { 'content-type': 'application/json' };
  const stableAnonymousIdentifier = Math.random().toString(36).slice(2, 8);
  const clientPromptData = () => ({ currentDate: new Date().toISOString().slice(0, 10), userTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  let chatId = location.pathname.startsWith('/chat/') ? location.pathname.slice(6) : null;
  const stopping = kit.stopButton(stop);

  const trpc = (procedure, input) => fetch(`/api/trpc/${procedure}?batch=1`, { method: 'POST', headers: json, body: JSON.stringify({ 0: { json: input } }) });

  if (chatId) {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { id: chatId } }, 1: { json: { chatId } } }));
    fetch(`/api/trpc/chat.byId,message.all?batch=1&input=${input}`)
      .then((response) => response.json())
      .then(([, history]) => {
        for (const message of history.result.data.json) {
          const text = message.contentChunks.map((chunk) => chunk.text).join('');
          if (message.role === 'user') userMessage(text);
          else answerElement().text.textContent = text;
        }
        document.body.dataset.historyLoaded = 'true';
      });
  }

  function userMessage(text) {
    messages.append(kit.element('div', { data: { messageAuthorRole: 'user' }, text }));
  }

  function answerElement() {
    const reasoning = kit.element('div', { className: 'reasoning' });
    const text = kit.element('div');
    const element = kit.element('div', { data: { messageAuthorRole: 'assistant' } }, reasoning, text);
    messages.append(element);
    return { element, reasoning, text, started: false };
  }

  // Stop also tells the server (the kit's listener, added first, aborts the request).
  stop.addEventListener('click', () => {
    void fetch('/api/chat/stop', { method: 'POST', headers: json, body: JSON.stringify({ chatId }) });
  });
  send.addEventListener('click', () => void sendPrompt());
  kit.sendOnEnter(composer, sendPrompt);

  async function sendPrompt() {
    const prompt = composer.textContent.trim();
    if (!prompt || stopping.busy) return;
    composer.textContent = '';
    userMessage(prompt);
    // Busy (and stoppable) from here: a new chat's answer waits for its tRPC call.
    const signal = stopping.start();
    void trpc('event.sendEventToDatalake', { name: 'prompt_submitted', properties: { isNewChat: !chatId } });
    let body;
    if (!chatId) {
      const created = await trpc('message.newChat', {
        content: [{ type: 'text', text: prompt }],
        voiceInput: null,
        audioRecording: null,
        agentId: null,
        agentsApiAgentId: null,
        files: [],
        isSampleChatForAgentId: null,
        model: null,
        features: ['beta-code-interpreter', 'beta-imagegen', 'beta-websearch', 'beta-reasoning'],
        integrations: [],
        canva: null,
        action: null,
        libraries: [],
        projectId: null,
        incognito: false,
      });
      chatId = (await created.json())[0].result.data.json.chatId;
      // Like the real app: move to the new chat, then ask for its answer.
      history.pushState(null, '', `/chat/${chatId}`);
      body = { chatId, mode: 'start', disabledFeatures: ['memory-inference'], clientPromptData: clientPromptData(), stableAnonymousIdentifier, shouldAwaitStreamBackgroundTasks: true, shouldUseMessagePatch: true, shouldUsePersistentStream: true };
    } else {
      body = {
        chatId,
        mode: 'append',
        messageInput: [{ type: 'text', text: prompt }],
        messageId: crypto.randomUUID(),
        messageFiles: [],
        features: ['beta-websearch'],
        libraries: [],
        integrations: [],
        clientPromptData: clientPromptData(),
        stableAnonymousIdentifier,
        shouldAwaitStreamBackgroundTasks: true,
        shouldUseMessagePatch: true,
      };
    }

    const answer = answerElement();
    const received = [];
    await kit.answerState(answer.element, async () => {
      const response = await fetch('/api/chat', { method: 'POST', headers: json, body: JSON.stringify(body), signal });
      await kit.readStream(response, received, newLineRenderer(answer));
    });
    stopping.end();
    await kit.answered(answer.element, received);
  }

  /** Just enough of both stream formats to show the assistant's reasoning and answer. */
  function newLineRenderer(answer) {
    let pending = '';
    let assistant = null;
    let chunks = [];
    const show = () => {
      const text = chunks.filter((chunk) => chunk?._context?.type !== 'reasoning').map((chunk) => chunk?.text ?? '').join('');
      answer.reasoning.textContent = chunks.filter((chunk) => chunk?._context?.type === 'reasoning').map((chunk) => chunk.text).join('');
      if (text && !answer.started) kit.answerStarted();
      answer.started ||= Boolean(text);
      answer.text.textContent = text;
    };
    const patch = (messageId, { op, path, value }) => {
      const where = Array.isArray(path) ? `/${path.join('/')}` : path;
      if (where === '' || where === '/') {
        if (value?.role !== 'assistant') return;
        assistant = messageId;
        chunks = structuredClone(value.contentChunks ?? []);
        return;
      }
      if (messageId !== assistant) return;
      if (where === '/contentChunks') chunks = Array.isArray(value) ? structuredClone(value) : chunks;
      const [, index, field] = /^\/contentChunks\/(\d+)(?:\/(text|_context))?$/.exec(where) ?? [];
      if (index === undefined) return;
      if (!field) chunks[index] = structuredClone(value);
      else if (!chunks[index]) return;
      else if (field === 'text' && op === 'append') chunks[index].text += value;
      else chunks[index][field] = value;
    };
    return (text) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const [, tag, data] = /^([0-9a-z]+):(.*)$/.exec(line) ?? [];
        let value;
        try {
          value = JSON.parse(data);
        } catch {
          continue;
        }
        if (tag === '0' && typeof value === 'string') chunks = [{ text: (chunks[0]?.text ?? '') + value }];
        for (const item of Array.isArray(value?.json?.patches) ? value.json.patches : []) if (item) patch(value.json.messageId, item);
      }
      show();
    };
  }
})();
