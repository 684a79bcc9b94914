// The replay app: sends prompts the way gemini.google.com does (XHR, form body
// `f.req` + `at`, the mode's model id in a request header) and renders the
// length-prefixed frames as they stream. It records, for the tests, a SHA-256
// of the exact text each answer delivered to the page (UTF-8 encoded: the page
// reads an XHR as text, as the real app does; the page kit).
(() => {
  const kit = window.replayKit;
  const wiz = window.WIZ_global_data;
  const chat = document.getElementById('chat-history');
  const composer = document.querySelector('rich-textarea .ql-editor');
  const send = document.querySelector('button.send-button:not(.stop)');
  const stop = document.querySelector('button.send-button.stop');
  const modes = document.querySelector('[data-test-id="bard-mode-menu-button"]');
  const STREAM_GENERATE = '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate';
  /** Fields of a 2026-03 request other than the prompt and the chat ids, as they were (meanings unknown). */
  const OTHER_FIELDS = { 6: [1], 10: 1, 11: 0, 17: [[0]], 18: 0, 27: 1, 30: [4], 41: [1], 53: 0, 61: [], 68: 2 };
  let reqid = 1000 + Math.floor(Math.random() * 9000);
  /** Conversation, response and candidate ids: a follow-up names the turn it continues. */
  let ids = ['', '', ''];
  let xhr = null;

  /** A batchexecute call (chat list, gems, a chat's turns): never a prompt. */
  function batchexecute(rpcId, args) {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      const query = new URLSearchParams({ rpcids: rpcId, 'source-path': location.pathname, bl: wiz.cfb2h, 'f.sid': wiz.FdrFJe, hl: 'en', _reqid: String(nextReqid()), rt: 'c' });
      request.open('POST', `/_/BardChatUi/data/batchexecute?${query}`);
      request.setRequestHeader('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
      request.setRequestHeader('x-same-domain', '1');
      request.addEventListener('load', () => resolve(payloadsOf(request.responseText)[0]));
      request.send(new URLSearchParams({ 'f.req': JSON.stringify([[[rpcId, JSON.stringify(args), null, 'generic']]]), at: wiz.SNlM0e }).toString() + '&');
    });
  }

  function nextReqid() {
    reqid += 100000;
    return reqid;
  }

  void batchexecute('MaZiqc', [13, null, [0, null, 1]]);
  void batchexecute('CNgdBe', [2, ['en'], 0]);
  const opened = /^\/app\/([0-9a-f]+)$/.exec(location.pathname)?.[1];
  if (opened) {
    void batchexecute('hNvQHb', [`c_${opened}`, 10, null, 1, [0], [4], null, 1]).then(([turns]) => {
      for (const turn of turns) {
        userQuery(turn[2][0][0]);
        modelResponse().text.textContent = turn[3][0][0][1][0];
        ids = [turn[0][0], turn[0][1], turn[3][0][0][0]];
      }
      document.body.dataset.historyLoaded = 'true';
    });
  }

  function userQuery(text) {
    chat.append(kit.element('user-query', {}, kit.element('div', { className: 'query-text', text })));
  }

  function modelResponse() {
    const thoughts = kit.element('div', { className: 'thoughts' });
    const text = kit.element('message-content');
    const images = kit.element('div');
    const element = kit.element('model-response', {}, thoughts, text, images);
    chat.append(element);
    return { element, thoughts, text, images, started: false };
  }

  stop.addEventListener('click', () => xhr?.abort());
  send.addEventListener('click', sendPrompt);
  kit.sendOnEnter(composer, sendPrompt);

  function sendPrompt() {
    const prompt = composer.textContent.trim();
    if (!prompt || xhr) return;
    composer.textContent = '';
    userQuery(prompt);
    const inner = new Array(69).fill(null);
    Object.assign(inner, OTHER_FIELDS);
    inner[0] = [prompt, 0, null, null, null, null, 0];
    inner[1] = ['en'];
    inner[2] = [...ids, null, null, null, null, null, null, ''];
    inner[59] = crypto.randomUUID().toUpperCase();
    const query = new URLSearchParams({ bl: wiz.cfb2h, 'f.sid': wiz.FdrFJe, hl: 'en', _reqid: String(nextReqid()), rt: 'c' });
    const body = new URLSearchParams({ 'f.req': JSON.stringify([null, JSON.stringify(inner)]), at: wiz.SNlM0e }).toString() + '&';

    const answer = modelResponse();
    answer.element.dataset.streamState = 'streaming';
    const request = new XMLHttpRequest();
    xhr = request;
    stop.hidden = false;
    let read = 0;
    const render = () => {
      const text = request.responseText;
      const end = text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      for (const payload of payloadsOf(text.slice(read, end))) show(answer, payload);
      read = end;
    };
    request.open('POST', `${STREAM_GENERATE}?${query}`);
    request.setRequestHeader('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    request.setRequestHeader('x-same-domain', '1');
    request.setRequestHeader('x-goog-ext-525001261-jspb', JSON.stringify([1, null, null, null, modes.value, null, null, 0, [4]]));
    request.addEventListener('progress', render);
    request.addEventListener('load', () => {
      render();
      answer.element.dataset.streamState = 'done';
    });
    request.addEventListener('abort', () => (answer.element.dataset.streamState = 'aborted'));
    request.addEventListener('error', () => (answer.element.dataset.streamState = 'failed'));
    request.addEventListener('loadend', () => {
      xhr = null;
      stop.hidden = true;
      if (answer.element.dataset.streamState === 'done') {
        if (ids[0]) history.replaceState(null, '', `/app/${ids[0].slice(2)}`);
        void batchexecute('MaZiqc', [13, null, [0, null, 1]]);
      }
      void kit.answered(answer.element, request.responseText);
    });
    request.send(body);
  }

  /** The inner payloads of the `wrb.fr` envelopes in complete frame lines. */
  function payloadsOf(text) {
    const payloads = [];
    for (const line of text.split('\n')) {
      if (!line.startsWith('[')) continue;
      let envelopes;
      try {
        envelopes = JSON.parse(line);
      } catch {
        continue;
      }
      for (const envelope of Array.isArray(envelopes) ? envelopes : []) {
        if (!Array.isArray(envelope) || envelope[0] !== 'wrb.fr' || typeof envelope[2] !== 'string') continue;
        try {
          payloads.push(JSON.parse(envelope[2]));
        } catch {
          // a damaged frame: the real app skips it too
        }
      }
    }
    return payloads;
  }

  /** Cumulative: each frame restates the candidate's whole text, thoughts and images. */
  function show(answer, inner) {
    if (!Array.isArray(inner)) return;
    const candidate = inner[4]?.[0];
    if (Array.isArray(inner[1]) && typeof inner[1][0] === 'string' && Array.isArray(candidate)) ids = [inner[1][0], inner[1][1], candidate[0]];
    const text = candidate?.[1]?.[0];
    if (typeof text === 'string' && text) {
      if (!answer.started) kit.answerStarted();
      answer.started = true;
      answer.text.textContent = text.replace(/http:\/\/googleusercontent\.com\/\w+\/\d+\n*/g, '');
    }
    const thoughts = candidate?.[37]?.[0]?.[0];
    if (typeof thoughts === 'string') answer.thoughts.textContent = thoughts;
    const images = candidate?.[12]?.[7]?.[0];
    if (Array.isArray(images)) answer.images.replaceChildren(...images.map(() => document.createElement('generated-image')));
  }
})();
