// The replay app: renders a Meta AI chat the way the extension reads it
// (user and assistant messages with data-message-type, text in data-slot="text",
// answers streaming into one text node) and talks to the gateway over binary
// WebSocket frames. For the tests, each prompt records a SHA-256 of the bytes
// of the frames its answer arrived in (the page kit).
(() => {
  const kit = window.replayKit;
  const FRAME = { prompt: 1, text: 2, done: 3, error: 4, stop: 5, history: 6 };
  // What a server-rendered chat page would show at load (see site.ts).
  const LAST_EXCHANGE = ['What is the capital of Peru?', 'Lima is the capital of Peru.'];
  const thread = document.getElementById('thread');
  const composer = document.querySelector('[role="textbox"][contenteditable="true"]');
  const sendButton = document.querySelector('[data-slot="send"]');
  const stopButton = document.querySelector('[data-slot="stop"]');
  const notice = document.getElementById('notice');
  const received = kit.element('div');
  received.hidden = true;
  document.body.append(received);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const isChat = location.pathname.startsWith('/prompt/');
  let answer = null;

  if (isChat) showChat();

  const socket = new WebSocket(`wss://gateway.meta.ai${location.port ? `:${location.port}` : ''}/ws/clippy`);
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => {
    if (isChat) socket.send(frame(FRAME.history));
    document.body.dataset.ready = 'true';
  });

  // Opening another chat is an in-app navigation: the thread is replaced, the page stays.
  for (const link of document.querySelectorAll('a[data-chat-link]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', link.getAttribute('href'));
      answer?.end('left');
      showChat();
      socket.send(frame(FRAME.history));
    });
  }

  function showChat() {
    delete document.body.dataset.historyLoaded;
    thread.replaceChildren(message('user', LAST_EXCHANGE[0]), message('assistant', LAST_EXCHANGE[1]));
  }
  socket.addEventListener('message', (event) => {
    const bytes = new Uint8Array(event.data);
    const text = decoder.decode(bytes.subarray(1));
    if (bytes[0] === FRAME.history) return showHistory(JSON.parse(text));
    if (!answer) return;
    answer.frame(bytes);
    if (bytes[0] === FRAME.text) answer.text(text);
    if (bytes[0] === FRAME.done) answer.end('done');
    if (bytes[0] === FRAME.error) {
      notice.textContent = text;
      notice.hidden = false;
      answer.end('failed');
    }
  });

  function frame(type, text = '') {
    const body = encoder.encode(text);
    const bytes = new Uint8Array(body.length + 1);
    bytes[0] = type;
    bytes.set(body, 1);
    return bytes;
  }

  function message(type, text) {
    return kit.element('div', { data: { messageType: type } }, kit.element('div', { data: { slot: 'text' }, text }));
  }

  /** Older exchanges, all inserted above the ones on screen in one go. */
  function showHistory(exchanges) {
    const older = document.createDocumentFragment();
    for (const [question, reply] of exchanges) older.append(message('user', question), message('assistant', reply));
    thread.prepend(older);
    document.body.dataset.historyLoaded = 'true';
  }

  sendButton.addEventListener('click', sendPrompt);
  kit.sendOnEnter(composer, sendPrompt);
  stopButton.addEventListener('click', () => {
    socket.send(frame(FRAME.stop));
    answer?.end('stopped');
  });

  function sendPrompt() {
    const text = composer.textContent.trim();
    if (!text || answer?.state === 'streaming') return;
    composer.textContent = '';
    notice.hidden = true;
    thread.append(message('user', text));
    answer = newAnswer();
    socket.send(frame(FRAME.prompt, text));
  }

  function newAnswer() {
    const marker = kit.element('div', { data: { turn: String(received.children.length + 1), streamState: 'streaming' } });
    received.append(marker);
    stopButton.hidden = false;
    let textNode = null;
    const view = {
      state: 'streaming',
      frame: kit.frameRecorder(marker),
      text(piece) {
        if (view.state !== 'streaming') return;
        if (!textNode) {
          const reply = message('assistant', '');
          textNode = reply.firstChild.appendChild(document.createTextNode(''));
          thread.append(reply);
        }
        textNode.data += piece;
      },
      end(state) {
        if (view.state !== 'streaming') return;
        view.state = state;
        marker.dataset.streamState = state;
        stopButton.hidden = true;
        kit.answerFinished();
      },
    };
    return view;
  }
})();
