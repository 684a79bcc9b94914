// The replay app: talks to the chat WebSocket the way copilot.microsoft.com
// does (setOptions and consents on connect, `send` per prompt, the proof-of-work
// challenge answered and the prompt sent again) and renders the server's
// events. For the tests, each answer records a SHA-256 of the frames it got (the page kit).
(() => {
  const kit = window.replayKit;
  const thread = document.getElementById('thread');
  const input = document.getElementById('userInput');
  const form = document.getElementById('composer');
  const modePicker = document.getElementById('mode');
  let conversationId = location.pathname.startsWith('/chats/') ? location.pathname.slice('/chats/'.length) : null;
  let socket = null;
  let answer = null;
  let lastSend = null;
  let challengeTokens = 0;

  // Not a prompt: who is signed in.
  void fetch('/c/api/user', { credentials: 'include' });
  connect();

  function connect() {
    const opened = new WebSocket(`wss://${location.host}/c/api/chat?api-version=2&clientSessionId=${crypto.randomUUID()}`);
    socket = opened;
    opened.addEventListener('open', () => {
      opened.send(JSON.stringify({ event: 'setOptions', supportedFeatures: ['partial-generated-images'], supportedCards: ['image', 'weather', 'local'], supportedUIComponents: {}, ads: { supportedTypes: ['text', 'product'] }, supportedActions: [] }));
      opened.send(JSON.stringify({ event: 'reportLocalConsents', grantedConsents: [] }));
      document.body.dataset.socket = 'open';
    });
    opened.addEventListener('message', (event) => {
      if (answer?.socket === opened) answer.frame(event.data);
      for (const object of jsonObjects(event.data)) handle(object);
    });
    opened.addEventListener('close', () => {
      document.body.dataset.socket = 'closed';
      if (answer?.socket === opened) answer.end(answer.imageDelivered ? 'done' : 'interrupted');
      setTimeout(connect, 100);
    });
  }

  function socketOpen() {
    if (socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    return new Promise((resolve) => socket.addEventListener('open', () => resolve(socket), { once: true }));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendPrompt();
  });
  kit.sendOnEnter(input, sendPrompt);

  async function sendPrompt() {
    const text = input.value.trim();
    if (!text || answer?.state === 'streaming') return;
    input.value = '';
    userMessage(text);
    if (!conversationId) {
      const created = await (await fetch('/c/api/conversations', { method: 'POST', credentials: 'include' })).json();
      conversationId = created.id;
      history.replaceState(null, '', `/chats/${conversationId}`);
    }
    const open = await socketOpen();
    answer = newAnswer(open);
    lastSend = JSON.stringify({ event: 'send', conversationId, content: [{ type: 'text', text }], mode: modePicker.value, context: {} });
    open.send(lastSend);
  }

  function userMessage(text) {
    const content = kit.element('div', { data: { content: 'user-message' }, text });
    thread.append(kit.element('div', { attributes: { role: 'article', id: `${crypto.randomUUID()}-user-message` } }, content));
  }

  function handle(message) {
    if (!answer || answer.state !== 'streaming') return;
    switch (message.event) {
      case 'startMessage':
        answer.startMessage(message.messageId);
        break;
      case 'appendText':
      case 'replaceText':
        answer.text(message);
        break;
      case 'chainOfThought':
        answer.reasoning(message.text);
        break;
      case 'generatingImage':
      case 'partialImageGenerated':
      case 'imageGenerated':
        answer.image(message);
        break;
      case 'done':
        answer.end('done');
        break;
      case 'error':
      case 'chatMessageError':
        answer.error(message.errorCode);
        break;
      case 'challenge':
        // A proof of work: answer it, then send the held prompt again (seen 2026-08).
        // The replay server does not check the token.
        if (message.method) {
          socket.send(JSON.stringify({ event: 'challengeResponse', token: String(++challengeTokens), method: message.method, id: message.id }));
          socket.send(lastSend);
        }
        break;
    }
  }

  function newAnswer(answerSocket) {
    const thoughtText = kit.element('div');
    const thoughts = kit.element('details', {}, kit.element('summary', { text: 'Reasoning' }), thoughtText);
    thoughts.hidden = true;
    const body = kit.element('div');
    const article = kit.element('div', { data: { content: 'ai-message', streamState: 'streaming' }, attributes: { role: 'article' } }, thoughts, body);
    thread.append(article);
    const parts = new Map();
    let messageId = null;
    let figure = null;

    const view = {
      socket: answerSocket,
      state: 'streaming',
      imageDelivered: false,
      /** Every frame the page got for this answer, hashed in order of arrival. */
      frame: kit.frameRecorder(article),
      startMessage(id) {
        messageId = id;
        article.id = `${id}-ai-message`;
      },
      text(message) {
        if (messageId && message.messageId !== messageId) return;
        let part = parts.get(message.partId);
        if (!part) {
          part = document.createElement('span');
          parts.set(message.partId, part);
          body.append(part);
        }
        if (typeof message.text !== 'string') return;
        if (message.event === 'appendText') part.textContent += message.text;
        else part.textContent = message.text;
      },
      reasoning(text) {
        thoughts.hidden = false;
        thoughtText.textContent += text;
      },
      image(message) {
        if (!figure) {
          figure = document.createElement('figure');
          figure.append(document.createElement('img'), document.createElement('figcaption'));
          figure.lastChild.textContent = 'Creating image…';
          article.append(figure);
        }
        if (message.event === 'partialImageGenerated') figure.firstChild.src = `data:image/jpeg;base64,${message.content}`;
        if (message.event === 'imageGenerated') {
          view.imageDelivered = true;
          figure.firstChild.dataset.imageUrl = message.url;
          figure.lastChild.textContent = 'Image created';
        }
      },
      error(code) {
        const note = document.createElement('p');
        note.className = 'error';
        note.textContent = `Something went wrong (${code ?? 'unknown'}).`;
        article.append(note);
        view.end('failed');
      },
      end(state) {
        if (view.state !== 'streaming') return;
        view.state = state;
        article.dataset.streamState = state;
        kit.answerFinished();
      },
    };
    return view;
  }

  /** The JSON objects in one frame: the server may pack several, back to back. */
  function jsonObjects(frame) {
    const objects = [];
    let depth = 0;
    let start = 0;
    let inString = false;
    let escaped = false;
    for (let i = 0; i < frame.length; i++) {
      const char = frame[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = depth > 0;
      else if (char === '{' && depth++ === 0) start = i;
      else if (char === '}' && depth > 0 && --depth === 0) {
        try {
          objects.push(JSON.parse(frame.slice(start, i + 1)));
        } catch {
          // not JSON: skip it
        }
      }
    }
    return objects;
  }
})();
