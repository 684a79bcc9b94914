// The replay app: chats the way chat.deepseek.com does (session created for a
// new chat, a proof-of-work challenge before each answer, same endpoints and
// body shape) and renders the JSON-patch SSE stream, continuing an answer on
// /continue when the stream asks to. It records, for the tests, a SHA-256 of
// the exact bytes each answer delivered to the page (over all its requests; the page kit).
(() => {
  const kit = window.replayKit;
  const messages = document.getElementById('messages');
  const composer = document.getElementById('chat-input');
  const send = document.querySelector('.ds-send');
  const stop = document.querySelector('.ds-stop');
  const toggles = document.querySelectorAll('.ds-toggle');
  const json = { 'content-type': 'application/json', 'x-client-platform': 'web', 'x-app-version': '20241129.1' };
  let session = location.pathname.startsWith('/a/chat/s/') ? location.pathname.slice(10) : null;
  let parent = null;
  /** The answer being streamed: its message id, for Stop and /continue. */
  let streaming = null;

  const getJson = (path) => fetch(path, { headers: json }).then((response) => response.json());
  const postJson = (path, body, headers = {}) => fetch(path, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });

  void getJson('/api/v0/users/current');
  void getJson('/api/v0/chat_session/fetch_page?count=100');
  if (session) {
    void getJson(`/api/v0/chat/history_messages?chat_session_id=${session}`).then(({ data }) => {
      for (const message of data.biz_data.chat_messages) {
        if (message.role === 'USER') userMessage(message.content);
        else answerElement().markdown.textContent = message.fragments.map((fragment) => fragment.content).join('');
        parent = message.message_id;
      }
      document.body.dataset.historyLoaded = 'true';
    });
  }

  function userMessage(text) {
    messages.append(kit.element('div', { className: 'ds-message', text }));
  }

  /** Built whole before it is shown: a .ds-message without .ds-markdown is a user message. */
  function answerElement() {
    const think = kit.element('div', { className: 'ds-think-content' });
    const markdown = kit.element('div', { className: 'ds-markdown' });
    const element = kit.element('div', { className: 'ds-message' }, think, markdown);
    messages.append(element);
    return { element, think, markdown, started: false };
  }

  for (const toggle of toggles) {
    toggle.addEventListener('click', () => toggle.setAttribute('aria-pressed', String(toggle.getAttribute('aria-pressed') !== 'true')));
  }
  const enabled = (feature) => document.querySelector(`.ds-toggle[data-feature="${feature}"]`).getAttribute('aria-pressed') === 'true';

  stop.addEventListener('click', () => {
    if (streaming?.messageId) void postJson('/api/v0/chat/stop_stream', { chat_session_id: session, message_id: streaming.messageId });
  });
  send.addEventListener('click', () => void sendPrompt());
  kit.sendOnEnter(composer, sendPrompt);

  async function sendPrompt() {
    const prompt = composer.value.trim();
    if (!prompt || streaming) return;
    composer.value = '';
    userMessage(prompt);
    streaming = { messageId: null, autoResume: false };
    if (!session) {
      const { data } = await (await postJson('/api/v0/chat_session/create', {})).json();
      session = data.biz_data.id;
      history.replaceState(null, '', `/a/chat/s/${session}`);
    }
    const answer = answerElement();
    stop.hidden = false;
    const received = [];
    await kit.answerState(answer.element, async () => {
      await answerFrom('/api/v0/chat/completion', {
        chat_session_id: session,
        parent_message_id: parent,
        model_type: 'default',
        prompt,
        ref_file_ids: [],
        thinking_enabled: enabled('thinking'),
        search_enabled: enabled('search'),
        action: null,
        preempt: false,
      }, answer, received);
      // The stream was handed off: the rest of the same answer comes from /continue.
      while (streaming.autoResume) {
        streaming.autoResume = false;
        await answerFrom('/api/v0/chat/continue', { chat_session_id: session, message_id: streaming.messageId, fallback_to_resume: true }, answer, received);
      }
    });
    parent = streaming.messageId ?? parent;
    streaming = null;
    stop.hidden = true;
    await kit.answered(answer.element, received);
  }

  /** One answering request, with its proof of work, read to the end into the answer. */
  async function answerFrom(path, body, answer, received) {
    const { data } = await (await postJson('/api/v0/chat/create_pow_challenge', { target_path: path })).json();
    const { algorithm, challenge, salt, signature, target_path } = data.biz_data.challenge;
    // The real app solves the challenge in a worker; the replay server does not check the answer.
    const pow = btoa(JSON.stringify({ algorithm, challenge, salt, answer: 0, signature, target_path }));
    const response = await postJson(path, body, { 'x-ds-pow-response': pow });
    await kit.readStream(response, received, newPatchRenderer(answer));
  }

  /** Just enough of the JSON-patch stream to show the thinking and the answer. */
  function newPatchRenderer(answer) {
    let pending = '';
    let path = '';
    let op = 'SET';
    let fragments = [];
    const addFragments = (list) => {
      for (const fragment of list) {
        fragments.push(fragment.type);
        write(fragment.type, fragment.content);
      }
    };
    const write = (type, text) => {
      if (typeof text !== 'string' || !text) return;
      if (type === 'THINK') answer.think.textContent += text;
      if (type !== 'RESPONSE') return;
      if (!answer.started) kit.answerStarted();
      answer.started = true;
      answer.markdown.textContent += text;
    };
    const apply = (p, o, v) => {
      if (o === 'BATCH' && Array.isArray(v)) {
        let subPath = '';
        let subOp = 'SET';
        for (const sub of v) {
          subPath = sub.p ?? subPath;
          subOp = sub.o ?? subOp;
          apply(p ? `${p}/${subPath}` : subPath, subOp, sub.v);
        }
        return;
      }
      if (p === '' && v?.response) {
        // A snapshot of the whole answer (a continuation restates what is already shown).
        fragments = [];
        answer.think.textContent = '';
        answer.markdown.textContent = '';
        return addFragments(v.response.fragments ?? []);
      }
      if (p === 'response/fragments' && Array.isArray(v)) return addFragments(v);
      const index = /^response\/fragments\/(-?\d+)\/content$/.exec(p)?.[1];
      if (index !== undefined) write(fragments.at(Number(index)), v);
    };
    return (text) => {
      pending += text;
      const events = pending.split('\n\n');
      pending = events.pop();
      for (const event of events) {
        const lines = event.split('\n');
        const name = lines.find((line) => line.startsWith('event: '))?.slice(7);
        let data;
        try {
          data = JSON.parse(lines.find((line) => line.startsWith('data: ')).slice(6));
        } catch {
          continue;
        }
        if (name === 'ready') streaming.messageId = data.response_message_id;
        if (name === 'close') streaming.autoResume = data.auto_resume === true;
        if (name || !data || !('v' in data)) continue;
        path = data.p ?? path;
        op = data.o ?? op;
        apply(path, op, data.v);
      }
    };
  }
})();
