// The replay app: asks the way www.perplexity.ai does (same endpoint and body
// shape, mode and model preference from the page's controls) and renders the
// SSE frames: whole blocks or JSON-patch diffs on them. It records, for the
// tests, a SHA-256 of the exact bytes each answer delivered to the page (the page kit).
(() => {
  const kit = window.replayKit;
  const thread = document.getElementById('thread');
  const composer = document.getElementById('ask-input');
  const submit = document.querySelector('[data-testid="submit-button"]');
  const stop = document.querySelector('[data-testid="stop-generating-response-button"]');
  const modelPreference = document.querySelector('[data-testid="model-preference"]');
  const proSearch = document.querySelector('[data-testid="pro-search-toggle"]');
  const json = { 'content-type': 'application/json' };
  const contextUuid = crypto.randomUUID();
  let lastBackendUuid = null;
  const stopping = kit.stopButton(stop);

  void fetch('/rest/rate-limit/status');
  const slug = location.pathname.startsWith('/search/') ? location.pathname.slice(8) : null;
  if (slug) {
    fetch(`/rest/thread/${slug}`)
      .then((response) => response.json())
      .then((history) => {
        for (const entry of history.entries) {
          query(entry.query_str);
          answerElement().text.textContent = entry.blocks.find((block) => block.intended_usage === 'ask_text').markdown_block.answer;
          lastBackendUuid = entry.backend_uuid;
        }
        document.body.dataset.historyLoaded = 'true';
      });
  }

  function query(text) {
    thread.append(kit.element('h1', { className: 'group/query break-words', text }));
  }

  function answerElement() {
    const plan = kit.element('div', { className: 'plan' });
    const text = kit.element('div', { className: 'prose', attributes: { id: `markdown-content-${thread.querySelectorAll('.prose').length}` } });
    const container = kit.element('div', {}, plan, text);
    thread.append(container);
    return { container, plan, text, started: false };
  }

  // Stop also tells the server (the kit's listener, added first, aborts the request).
  stop.addEventListener('click', () => {
    void fetch('/rest/sse/perplexity_terminate', { method: 'POST', headers: json, body: JSON.stringify({ context_uuid: contextUuid }) });
  });
  submit.addEventListener('click', () => void ask());
  kit.sendOnEnter(composer, ask);

  async function ask() {
    const prompt = composer.textContent.trim();
    if (!prompt || stopping.busy) return;
    composer.textContent = '';
    query(prompt);
    const params = {
      attachments: [],
      language: 'en-US',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      search_focus: 'internet',
      sources: ['web'],
      search_recency_filter: null,
      frontend_uuid: crypto.randomUUID(),
      mode: proSearch.checked ? 'copilot' : 'concise',
      model_preference: modelPreference.value,
      is_related_query: false,
      is_sponsored: false,
      frontend_context_uuid: contextUuid,
      prompt_source: 'user',
      query_source: lastBackendUuid ? 'followup' : 'home',
      is_incognito: false,
      local_search_enabled: false,
      use_schematized_api: true,
      send_back_text_in_streaming_api: false,
      supported_block_use_cases: ['answer_modes', 'media_items', 'diff_blocks', 'inline_images', 'preserve_latex', 'in_context_suggestions'],
      client_coordinates: null,
      mentions: [],
      dsl_query: prompt,
      skip_search_enabled: true,
      source: 'default',
      version: '2.18',
    };
    if (lastBackendUuid) params.last_backend_uuid = lastBackendUuid;

    const answer = answerElement();
    const signal = stopping.start();
    const received = [];
    await kit.answerState(answer.container, async () => {
      const response = await fetch('/rest/sse/perplexity_ask', {
        method: 'POST',
        headers: { ...json, accept: 'text/event-stream' },
        body: JSON.stringify({ params, query_str: prompt }),
        signal,
      });
      await kit.readStream(response, received, newBlockRenderer(answer));
    });
    stopping.end();
    await kit.answered(answer.container, received);
  }

  /** Keeps each block field's current value (whole, or patched by diffs) and shows the answer and plan. */
  function newBlockRenderer(answer) {
    const fields = new Map();
    let pending = '';
    const show = () => {
      let text = '';
      for (const [key, value] of fields) {
        if (key === 'pro_search_steps#plan_block') answer.plan.textContent = (value?.goals ?? []).map((goal) => goal.description).join(' · ');
        const shown = key.endsWith('#markdown_block') ? value?.answer || (value?.chunks ?? []).join('') : key.endsWith('#workflow_block') ? workflowText(value) : '';
        if (shown.length > text.length) text = shown;
      }
      if (text && !answer.started) {
        answer.started = true;
        kit.answerStarted();
      }
      answer.text.textContent = text;
    };
    return (chunk) => {
      pending += chunk;
      const events = pending.split(/\r?\n\r?\n/);
      pending = events.pop();
      for (const event of events) {
        const data = event.split(/\r?\n/).find((line) => line.startsWith('data: '));
        let frame;
        try {
          frame = JSON.parse(data.slice(6));
        } catch {
          continue;
        }
        if (frame?.backend_uuid) lastBackendUuid = frame.backend_uuid;
        if (frame?.final_sse_message && frame.thread_url_slug) history.replaceState(null, '', `/search/${frame.thread_url_slug}`);
        for (const block of Array.isArray(frame?.blocks) ? frame.blocks : []) {
          if (block.diff_block) {
            const key = `${block.intended_usage}#${block.diff_block.field}`;
            fields.set(key, (block.diff_block.patches ?? []).reduce(applyPatch, fields.get(key)));
          } else {
            for (const field of ['markdown_block', 'workflow_block', 'plan_block']) if (field in block) fields.set(`${block.intended_usage}#${field}`, block[field]);
          }
        }
      }
      show();
    };
  }

  function workflowText(block) {
    const items = (block?.steps ?? []).flatMap((step) => step?.items ?? []);
    return items.filter((item) => item?.type === 'WORKFLOW_ITEM_TEXT').map((item) => (item.payload?.text_payload?.chunks ?? []).join('')).join('');
  }

  /** JSON-patch add and replace, the operations Perplexity's diffs use. */
  function applyPatch(root, patch) {
    if (!patch || (patch.op !== 'add' && patch.op !== 'replace') || typeof patch.path !== 'string') return root;
    if (patch.path === '') return structuredClone(patch.value);
    const keys = patch.path.slice(1).split('/');
    if (keys.includes('__proto__')) return root;
    const top = root ?? (/^\d+$/.test(keys[0]) ? [] : {});
    let node = top;
    keys.forEach((key, depth) => {
      if (!node || typeof node !== 'object') return;
      const last = depth === keys.length - 1;
      if (Array.isArray(node)) {
        const index = key === '-' ? node.length : Number(key);
        if (last) node.splice(index, patch.op === 'add' ? 0 : 1, patch.value);
        else node = node[index] ??= /^\d+$/.test(keys[depth + 1]) ? [] : {};
      } else if (last) {
        node[key] = patch.value;
      } else {
        node = node[key] ??= /^\d+$/.test(keys[depth + 1]) ? [] : {};
      }
    });
    return top;
  }
})();
