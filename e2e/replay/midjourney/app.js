// The replay app: submits jobs the way www.midjourney.com does (same endpoint,
// body shape and headers), for imagine, upscale and animate (the page kit).
(() => {
  const kit = window.replayKit;
  const userId = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
  const channelId = `singleplayer_${userId}`;
  const headers = { 'x-csrf-protection': '1' };
  const composer = document.getElementById('desktop_input_bar');
  // The job the upscale and animate buttons act on: the grid of the fixtures' imagine job.
  const gridJob = '0f3c9a7e-5b21-4d8e-9a6f-2c1b7d4e8a90';

  // On load the app reads the account's settings and its jobs: not submissions.
  void fetch('/api/user-mutable-state', { credentials: 'include' });
  void fetch(`/api/imagine?user_id=${userId}&page_size=50`, { credentials: 'include' });

  const submit = (job) => kit.postJob('/api/submit-jobs', { f: { mode: 'fast', private: false }, channelId, roomId: null, ...job }, headers);

  function imagine() {
    const prompt = composer.value.trim();
    if (!prompt) return;
    composer.value = '';
    const metadata = { isMobile: null, imagePrompts: 0, imageReferences: 0, characterReferences: 0, depthReferences: 0, lightboxOpen: null };
    void submit({ metadata, t: 'imagine', prompt });
  }

  document.querySelector('[data-action="submit"]').addEventListener('click', imagine);
  kit.sendOnEnter(composer, imagine);
  document.querySelector('[data-action="upscale"]').addEventListener('click', () => {
    void submit({ t: 'upscale', id: gridJob, index: 2, metadata: { isMobile: null, imagePrompts: null }, type: 'v7_2x_subtle' });
  });
  document.querySelector('[data-action="animate"]').addEventListener('click', () => {
    void submit({
      t: 'video',
      videoType: 'vid_1.1_i2v_480',
      newPrompt: 'waves crash against the rocks --bs 2 --motion low --video 1',
      parentJob: { job_id: gridJob, image_num: 0 },
      animateMode: 'auto',
      metadata: { isMobile: null, imagePrompts: null, imageReferences: null, characterReferences: null, depthReferences: null, lightboxOpen: null },
    });
  });
})();
