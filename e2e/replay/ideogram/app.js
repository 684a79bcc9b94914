// The replay app: asks for images the way ideogram.ai does (same endpoint, body
// shape and headers), polls for them, and upscales the last one (the page kit).
(() => {
  const kit = window.replayKit;
  const userId = 'lFJrDL4wSMOFa7wfMdI5UA';
  const headers = { 'x-ideo-org': 'r2AQ-Mr3QUqo198XsOmg4g', 'x-request-id': crypto.randomUUID() };
  const prompt = document.getElementById('prompt');
  const model = document.getElementById('model');
  const count = document.getElementById('count');
  let lastPrompt = '';

  // On load the app reads how many generations are left: not a generation.
  void fetch('/api/images/sampling_available_v2?model_version=V_3_1', { credentials: 'include' });

  async function sample(body) {
    await kit.postJob('/api/images/sample', body, headers);
    // The page then polls for the images: not a generation either.
    void fetch('/api/gallery/retrieve-requests', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ request_ids: ['kQ3xR7tV2nP8mL5wZ1yB9c'] }),
    });
  }

  document.getElementById('generate').addEventListener('click', () => {
    const text = prompt.value.trim();
    if (!text) return;
    prompt.value = '';
    lastPrompt = text;
    void sample({
      prompt: text,
      user_id: userId,
      private: true,
      model_version: model.value,
      model_uri: `model/${model.value}/version/0`,
      use_autoprompt_option: 'ON',
      sampling_speed: -2,
      character_reference_parents: [],
      product_reference_parents: [],
      resolution: { width: 1312, height: 736 },
      num_images: Number(count.value),
      style_type: 'AUTO',
      category_id: 'BqEAaCr-T-eH52OvESCHrw',
    });
  });

  document.getElementById('upscale').addEventListener('click', () => {
    void sample({
      prompt: lastPrompt,
      user_id: userId,
      private: true,
      model_version: 'AUTO',
      model_uri: 'model/AUTO/version/0',
      use_autoprompt_option: 'OFF',
      sampling_speed: -2,
      parent: { request_id: 'kQ3xR7tV2nP8mL5wZ1yB9c', response_id: 'imbc3PFZRD2QRpEXAvya2Q', weight: 100, type: 'SUPER_RES' },
      upscale_factor: 'X4',
      resolution: { width: 1312, height: 736 },
      num_images: 1,
      style_type: 'AUTO',
      internal: true,
      category_id: 'BqEAaCr-T-eH52OvESCHrw',
    });
  });
})();
