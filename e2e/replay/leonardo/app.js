// The replay app: sends its work the way app.leonardo.ai does, as GraphQL to
// another host (api.leonardo.ai), with a bearer token (the page kit).
(() => {
  const kit = window.replayKit;
  const api = `https://api.leonardo.ai${location.port ? `:${location.port}` : ''}/v1/graphql`;
  const headers = { authorization: 'Bearer replay-token' };
  const prompt = document.getElementById('prompt-textarea');
  const model = document.getElementById('model');
  const count = document.getElementById('count');
  const imageId = '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d';

  const mutation = (name, input, fields) => `mutation ${name}($arg1: ${input}!) {\n  ${fields}\n}`;
  const graphql = (body) =>
    fetch(api, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  // On load: who the user is, and the generation feed. Not jobs.
  void graphql({ operationName: 'GetUserDetails', variables: { userSub: '3c9a7e5b-21d4-4e8e-9a6f-2c1b7d4e8a90' }, query: 'query GetUserDetails($userSub: String) { users { id username __typename } }' });
  void graphql({ operationName: 'GetAIGenerationFeed', variables: { offset: 0 }, query: 'query GetAIGenerationFeed($offset: Int = 0) { generations(offset: $offset) { id status __typename } }' });

  document.getElementById('generate').addEventListener('click', () => {
    const text = prompt.value.trim();
    if (!text) return;
    prompt.value = '';
    const [modelId, sdVersion] = model.value.split('|');
    void kit.postJob(
      api,
      {
        operationName: 'CreateSDGenerationJob',
        variables: {
          arg1: {
            prompt: text,
            negative_prompt: '',
            nsfw: true,
            num_images: Number(count.value),
            width: 1472,
            height: 832,
            alchemy: true,
            contrast: 3.5,
            modelId,
            sd_version: sdVersion,
            presetStyle: 'DYNAMIC',
            public: false,
            photoReal: false,
            styleUUID: '111dc692-d470-4eec-b791-3475abac4c46',
            enhancePrompt: false,
          },
        },
        query: mutation('CreateSDGenerationJob', 'SDGenerationInput', 'sdGenerationJob(arg1: $arg1) {\n    generationId\n    __typename\n  }'),
      },
      headers,
    );
  });

  document.getElementById('upscale').addEventListener('click', () => {
    void kit.postJob(
      api,
      {
        operationName: 'CreateUniversalUpscalerJob',
        variables: { arg1: { generatedImageId: imageId, upscaleMultiplier: 2, creativityStrength: 5, ultraUpscaleStyle: 'ARTISTIC' } },
        query: mutation('CreateUniversalUpscalerJob', 'UniversalUpscalerInput', 'universalUpscaler(arg1: $arg1) {\n    apiCreditCost\n    generationId\n    __typename\n  }'),
      },
      headers,
    );
  });

  document.getElementById('motion').addEventListener('click', () => {
    void kit.postJob(
      api,
      {
        operationName: 'CreateMotionSvdGenerationJob',
        variables: { arg1: { imageId, isPublic: false, isInitImage: false, isVariation: false, motionStrength: 5 } },
        query: mutation('CreateMotionSvdGenerationJob', 'MotionSvdGenerationInput', 'motionSvdGenerationJob(arg1: $arg1) {\n    apiCreditCost\n    generationId\n    __typename\n  }'),
      },
      headers,
    );
  });

  // The live canvas redraws a small preview per stroke: sent, never counted.
  document.getElementById('live').addEventListener('click', () => {
    void kit.postJob(
      api,
      {
        operationName: 'CreateLCMGenerationJob',
        variables: { arg1: { prompt: 'a fox', imageDataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', strength: 0.65, width: 512, height: 512, requestTimestamp: String(Date.now()), guidance: 1.5, steps: 8 } },
        query: mutation('CreateLCMGenerationJob', 'LcmGenerationInput', 'lcmGenerationJob(arg1: $arg1) {\n    imageDataUrl\n    requestTimestamp\n    __typename\n  }'),
      },
      headers,
    );
  });
})();
