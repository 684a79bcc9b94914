// The replay app: sends jobs the way firefly.adobe.com does, to Adobe's API
// hosts (partner models on firefly-3p.ff.adobe.io; Adobe's own models on
// firefly-api.adobe.io, a guess), with a bearer token and the web app's key (the page kit).
(() => {
  const kit = window.replayKit;
  const port = location.port ? `:${location.port}` : '';
  const partner = `https://firefly-3p.ff.adobe.io${port}`;
  const adobe = `https://firefly-api.adobe.io${port}`;
  const headers = { authorization: 'Bearer replay-token', 'x-api-key': 'clio-playground-web' };
  const prompt = document.getElementById('prompt');
  const model = document.getElementById('model');
  const count = document.getElementById('count');

  document.getElementById('generate').addEventListener('click', () => {
    const text = prompt.value.trim();
    if (!text) return;
    prompt.value = '';
    const [modelId, modelVersion] = model.value.split('|');
    const n = Number(count.value);
    if (modelId === 'adobe') {
      void kit.postJob(
        `${adobe}/v3/images/generate-async`,
        { prompt: text, numVariations: n, size: { width: 2048, height: 2048 }, contentClass: 'art' },
        { ...headers, 'x-model-version': modelVersion },
      );
    } else if (modelId === 'veo') {
      void kit.postJob(
        `${partner}/v2/3p-videos/generate-async`,
        { n: 1, modelId, modelVersion, output: { storeInputs: true }, prompt: text, size: { width: 1280, height: 720 }, generateAudio: true, referenceBlobs: [], generationMetadata: { module: 'text2video' } },
        headers,
      );
    } else {
      void kit.postJob(
        `${partner}/v2/3p-images/generate-async`,
        { modelId, modelVersion, n, prompt: text, size: { width: 2048, height: 2048 }, seeds: [481516], groundSearch: false, skipCai: false, output: { storeInputs: true }, generationMetadata: { module: 'text2image' }, referenceBlobs: [] },
        headers,
      );
    }
  });

  // An upload is no generation.
  document.getElementById('reference').addEventListener('click', () => {
    void fetch(`${partner}/v2/storage/image`, {
      method: 'POST',
      credentials: 'include',
      headers: { ...headers, 'content-type': 'image/jpeg' },
      body: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    });
  });
})();
