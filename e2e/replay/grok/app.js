// The replay app for grok.com: sends prompts the way the real app does
// (`/conversations/new`, then `/conversations/{id}/responses`, same body
// fields), reads the JSON object stream and renders it. Opening a conversation
// loads it (`load-responses`) and reattaches to its last answer
// (`reconnect-response-v2`): neither is a prompt. For the tests, each answer
// records a SHA-256 of the exact bytes the page received (the page kit).
(() => {
  const kit = window.replayKit;
  const thread = document.getElementById('thread');
  const form = document.getElementById('composer');
  const input = form.querySelector('textarea');
  const modePicker = document.getElementById('mode');
  const stop = form.querySelector('[aria-label="Stop model response"]');
  let conversationId = location.pathname.startsWith('/c/') ? location.pathname.slice('/c/'.length) : null;
  let parentResponseId = null;
  const stopping = kit.stopButton(stop);

  void fetch('/rest/app-chat/conversations?pageSize=60', { credentials: 'include' });
  if (conversationId) void openConversation();

  async function openConversation() {
    const { responses } = await (await fetch(`/rest/app-chat/conversations/${conversationId}/load-responses`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    for (const response of responses) bubble(response.sender === 'human', response.message);
    parentResponseId = responses.at(-1)?.responseId ?? null;
    // Reattach to the last answer in case it was still streaming; it is already on screen.
    if (parentResponseId) await (await fetch(`/rest/app-chat/conversations/reconnect-response-v2/${parentResponseId}`, { credentials: 'include' })).text();
    document.body.dataset.historyLoaded = 'true';
  }

  function bubble(fromUser, text) {
    return thread.appendChild(kit.element('div', { className: fromUser ? 'message-bubble bg-surface-l1' : 'message-bubble', text }));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendPrompt();
  });
  kit.sendOnEnter(input, sendPrompt);

  async function sendPrompt() {
    const message = input.value.trim();
    if (!message || stopping.busy) return;
    input.value = '';
    bubble(true, message);
    const common = { message, fileAttachments: [], imageAttachments: [], disableSearch: false, enableImageGeneration: true, returnImageBytes: false, returnRawGrokInXaiRequest: false, enableImageStreaming: true, imageGenerationCount: 2, forceConcise: false, toolOverrides: {}, enableSideBySide: true, sendFinalMetadata: true, isReasoning: false, disableTextFollowUps: false, modeId: modePicker.value };
    const [url, body] = conversationId
      ? [`/rest/app-chat/conversations/${conversationId}/responses`, { ...common, parentResponseId }]
      : ['/rest/app-chat/conversations/new', { temporary: false, ...common, disableMemory: false, forceSideBySide: false, isAsyncChat: false }];
    const answer = newAnswer();
    const signal = stopping.start();
    const received = [];
    await kit.answerState(answer.element, async () => {
      const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      await kit.readStream(response, received, jsonObjectStream((object) => answer.render(object)));
      return response.ok ? 'done' : 'failed';
    });
    stopping.end();
    await kit.answered(answer.element, received);
  }

  function newAnswer() {
    const element = bubble(false, '');
    const thinking = kit.element('div', { className: 'thinking' });
    const text = kit.element('div');
    element.append(thinking, text);
    const images = new Map();
    return {
      element,
      render(object) {
        if (object.error) {
          text.className = 'error';
          text.textContent = object.error.message ?? 'Something went wrong.';
          return;
        }
        const result = object.result?.response ?? object.result;
        if (!result) return;
        if (object.result.conversation && !conversationId) {
          conversationId = object.result.conversation.conversationId;
          history.pushState(null, '', `/c/${conversationId}`);
        }
        if (typeof result.token === 'string') {
          if (result.isThinking) thinking.textContent += result.token;
          else if (!result.messageTag || result.messageTag === 'final') text.textContent += result.token;
        }
        const image = result.streamingImageGenerationResponse;
        if (image && !images.has(image.imageId)) {
          const figure = document.createElement('figure');
          figure.textContent = 'Generating image…';
          images.set(image.imageId, figure);
          element.append(figure);
        }
        if (image?.progress === 100) images.get(image.imageId).textContent = image.moderated ? 'Image moderated' : 'Image ready';
        if (result.modelResponse) parentResponseId = result.modelResponse.responseId;
      },
    };
  }

  /** Top-level JSON objects from streamed text, one per line or pretty-printed back to back. */
  function jsonObjectStream(onObject) {
    let buffer = '';
    let depth = 0;
    let inString = false;
    let escaped = false;
    return (text) => {
      for (const char of text) {
        if (depth === 0 && char !== '{') continue;
        buffer += char;
        if (inString) {
          if (escaped) escaped = false;
          else if (char === '\\') escaped = true;
          else if (char === '"') inString = false;
        } else if (char === '"') inString = true;
        else if (char === '{') depth++;
        else if (char === '}' && --depth === 0) {
          try {
            onObject(JSON.parse(buffer));
          } catch {
            // not JSON: skip it
          }
          buffer = '';
        }
      }
    };
  }
})();
