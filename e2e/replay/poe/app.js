// The replay app: sends prompts the way poe.com does (GraphQL mutations to
// /api/gql_POST) and renders answers from the update channel, a WebSocket on
// tch<N>.tch.poe.com. For the tests, each prompt records SHA-256s of the
// mutation's response bytes and of the channel frames that followed it (the page kit).
(() => {
  const kit = window.replayKit;
  const thread = document.getElementById('thread');
  const composer = document.querySelector('textarea[class*="GrowingTextArea"]');
  const send = document.querySelector('button[class*="ChatMessageSendButton"]');
  const stop = document.querySelector('button[class*="ChatStopMessageButton"]');
  const botPicker = document.getElementById('bot');
  // Persisted query hashes as the fixtures carry them; the others are made up.
  const SEND_HASH = '68c788501b48e8662945256369c31fb92f6d04779514db35a929b36f054fe4f8';
  const REGENERATE_HASH = '056f5f4b6a39ca7786a4f0b2ef37eee401c81d6086cd78ffc12fe2ce0bccb1fd';
  const PRICES = { capybara: 20, claude_3_igloo: 380, gpt_5: 290, dalle3: 1500 };
  const SDID = '332d7088-e197-4227-937c-4bcc53aacfc7';
  const FORMKEY = 'c25281d6b4dfb3f76fb03c5bb9d7d6ce';
  let chatId = null;
  let channelName = '';
  let turn = null;
  let streaming = null;

  function gql(queryName, variables, hash) {
    return fetch('/api/gql_POST', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'poe-formkey': FORMKEY, 'poe-queryname': queryName, 'poe-tchannel': channelName },
      body: JSON.stringify({ queryName, variables, extensions: { hash } }),
    });
  }

  void start();

  async function start() {
    const { tchannelData: channel } = await (await fetch('/api/settings', { credentials: 'include' })).json();
    channelName = channel.channel;
    // The real app picks a random tch<N> host; the replay's is fixed so it resolves.
    const url = `wss://tch482913.tch.${channel.baseHost}${location.port ? `:${location.port}` : ''}/up/${channel.boxName}/updates?min_seq=${channel.minSeq}&channel=${channel.channel}&hash=${channel.channelHash}`;
    const socket = new WebSocket(url);
    socket.addEventListener('message', (event) => received(event.data));
    const opened = new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
    await gql('subscriptionsMutation', { subscriptions: [{ subscriptionName: 'messageAdded', query: null }, { subscriptionName: 'messageCancelled', query: null }, { subscriptionName: 'chatTitleUpdated', query: null }] }, 'bfeedf7c108ea69eab4b432c85b28b4dc76c6376453002f6b45d47cc1b568daf');
    if (location.pathname.startsWith('/chat/')) {
      const { data } = await (await gql('ChatPageQuery', { chatCode: location.pathname.slice('/chat/'.length) }, '63eb2d4a3b0d1f3a0b2e2d5f62c9a1f0a3a6cde09b8a2a6e3f9d1c4b7e2f5a8d')).json();
      if (data.chatOfCode) {
        chatId = data.chatOfCode.chatId;
        botPicker.value = data.chatOfCode.defaultBotObject.handle;
      }
    }
    await opened;
    document.body.dataset.ready = 'true';
  }

  send.addEventListener('click', () => void sendPrompt());
  kit.sendOnEnter(composer, sendPrompt);
  stop.addEventListener('click', () => {
    if (!streaming) return;
    void gql('chatHelpers_messageCancel_Mutation', { messageId: streaming.id, textLength: streaming.length }, 'ae7b6b9e2a1f4c3d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d');
  });

  async function sendPrompt() {
    const text = composer.value.trim();
    if (!text) return;
    composer.value = '';
    thread.append(messagePair(kit.element('div', { className: 'Message_rightSideMessageBubble__ioa_i', text })));
    const bot = botPicker.value;
    const variables = {
      chatId,
      bot,
      query: text,
      source: { sourceType: 'chat_input', chatInputMetadata: { useVoiceRecord: false } },
      clientNonce: nonce(),
      sdid: SDID,
      attachments: [],
      existingMessageAttachmentsIds: [],
      shouldFetchChat: chatId === null,
      messagePointsDisplayPrice: PRICES[bot] ?? 20,
      referencedMessageId: null,
    };
    await mutate(chatId === null ? 'chatHelpersSendNewChatMessageMutation' : 'sendMessageMutation', variables, SEND_HASH);
  }

  async function regenerate(messageId) {
    await mutate('RegenerateMessageMutation', { messageId, messagePointsDisplayPrice: PRICES[botPicker.value] ?? 20 }, REGENERATE_HASH);
  }

  async function mutate(queryName, variables, hash) {
    turn = newTurn();
    const response = await gql(queryName, variables, hash);
    const bytes = new Uint8Array(await response.arrayBuffer());
    turn.response(bytes);
    const { data } = JSON.parse(new TextDecoder().decode(bytes));
    const result = data && Object.values(data)[0];
    if (result?.status !== 'success') {
      failure(result?.statusMessage ?? 'Something went wrong.');
      return;
    }
    if (chatId === null && result.chat) {
      chatId = result.chat.chatId;
      history.replaceState(null, '', `/chat/${result.chat.chatCode}`);
    }
  }

  function received(data) {
    turn?.frame(data);
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    for (const item of frame.messages ?? []) {
      const { payload } = JSON.parse(item);
      if (!payload || Number(String(payload.unique_id).split(':')[1]) !== chatId) continue;
      if (payload.subscription_name === 'messageAdded') botMessage(payload.data.messageAdded);
    }
  }

  function botMessage(message) {
    if (message.author === 'human') return;
    let bubble = thread.querySelector(`[data-message-id="${message.messageId}"]`);
    if (!bubble) {
      bubble = kit.element('div', { className: 'Message_leftSideMessageBubble__VPdk6', data: { messageId: String(message.messageId) } });
      thread.append(messagePair(bubble));
    }
    bubble.textContent = message.text;
    bubble.dataset.state = message.state;
    if (message.state === 'incomplete') {
      streaming = { id: message.messageId, length: message.text.length };
      stop.hidden = false;
      return;
    }
    streaming = null;
    stop.hidden = true;
    if (message.state.startsWith('error')) failure('The bot could not answer.');
    else retryButton(bubble, message.messageId);
  }

  function messagePair(bubble) {
    return kit.element('div', { className: 'ChatMessagesView_messagePair__ZEXUz' }, bubble);
  }

  function retryButton(bubble, messageId) {
    for (const old of thread.querySelectorAll('[data-testid="retry"]')) old.remove();
    const button = kit.element('button', { data: { testid: 'retry' }, attributes: { type: 'button' }, text: 'Retry' });
    button.addEventListener('click', () => void regenerate(messageId));
    bubble.after(button);
  }

  function failure(text) {
    thread.append(kit.element('div', { className: 'Message_errorMessage__Bx1Kq', text }));
  }

  /** What one prompt received, for the tests: the mutation's response bytes and the frames after it. */
  function newTurn() {
    const marker = kit.element('div', { data: { turn: String(thread.querySelectorAll('[data-turn]').length + 1) } });
    marker.hidden = true;
    thread.append(marker);
    return {
      response(bytes) {
        kit.recordLater(marker, async () => ({ responseSha256: await kit.sha256Hex(bytes) }));
      },
      frame: kit.frameRecorder(marker),
    };
  }

  function nonce() {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => letters[byte % letters.length]).join('');
  }
})();
